-- Single-source justifications, their approval workflow, signature policy versions, exchange rates,
-- absences, and organisation-wide positions.

-- AlterEnum
ALTER TYPE "PositionKind" ADD VALUE 'DIRECTOR';
ALTER TYPE "PositionKind" ADD VALUE 'FINANCE_COMMITTEE';

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('SUPPLIES', 'SERVICES');

-- CreateEnum
CREATE TYPE "SingleSourceReason" AS ENUM ('EXCLUSIVE_RIGHTS', 'COMPATIBILITY', 'ONLY_QUALIFIED_SUPPLIER', 'URGENCY', 'FOLLOW_ON', 'OTHER');

-- CreateEnum
CREATE TYPE "JustificationStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNATURE', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "deputyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignaturePolicy" (
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "tiers" JSONB NOT NULL,
    "splitPurchaseWindowDays" INTEGER NOT NULL DEFAULT 90,
    "publishedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignaturePolicy_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "validFrom" DATE NOT NULL,
    "chfPerUnit" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Justification" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "requesterId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "supplierName" TEXT NOT NULL,
    "supplierKey" TEXT NOT NULL,
    "supplierCountryCode" CHAR(2) NOT NULL,
    "originCountryCode" CHAR(2),
    "category" "Category" NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" "SingleSourceReason" NOT NULL,
    "reasonText" TEXT NOT NULL,
    "marketSurveyReference" TEXT,
    "amountChfMinor" BIGINT,
    "exchangeRate" TEXT,
    "exchangeRateDate" DATE,
    "policyVersion" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "splitPurchaseFlag" BOOLEAN NOT NULL DEFAULT false,
    "status" "JustificationStatus" NOT NULL DEFAULT 'DRAFT',
    "awaitingPersonId" UUID,
    "decidedAt" TIMESTAMP(3),
    "machineVersion" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "rowVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Justification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JustificationSignatory" (
    "justificationId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "JustificationSignatory_pkey" PRIMARY KEY ("justificationId","personId")
);

-- CreateIndex
CREATE INDEX "Absence_personId_startsOn_idx" ON "Absence"("personId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "SignaturePolicy_effectiveFrom_key" ON "SignaturePolicy"("effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeRate_currency_validFrom_key" ON "ExchangeRate"("currency", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Justification_reference_key" ON "Justification"("reference");

-- CreateIndex
CREATE INDEX "Justification_requesterId_idx" ON "Justification"("requesterId");

-- CreateIndex
CREATE INDEX "Justification_groupId_status_idx" ON "Justification"("groupId", "status");

-- CreateIndex
CREATE INDEX "Justification_status_submittedAt_idx" ON "Justification"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Justification_awaitingPersonId_idx" ON "Justification"("awaitingPersonId");

-- CreateIndex
CREATE INDEX "Justification_groupId_supplierKey_submittedAt_idx" ON "Justification"("groupId", "supplierKey", "submittedAt");

-- CreateIndex
CREATE INDEX "JustificationSignatory_personId_idx" ON "JustificationSignatory"("personId");

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Justification" ADD CONSTRAINT "Justification_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Justification" ADD CONSTRAINT "Justification_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Justification" ADD CONSTRAINT "Justification_supplierCountryCode_fkey" FOREIGN KEY ("supplierCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Justification" ADD CONSTRAINT "Justification_originCountryCode_fkey" FOREIGN KEY ("originCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Justification" ADD CONSTRAINT "Justification_awaitingPersonId_fkey" FOREIGN KEY ("awaitingPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JustificationSignatory" ADD CONSTRAINT "JustificationSignatory_justificationId_fkey" FOREIGN KEY ("justificationId") REFERENCES "Justification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JustificationSignatory" ADD CONSTRAINT "JustificationSignatory_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Human references SSJ-<year>-<number>, numbered across years without gaps caused by concurrency.
CREATE SEQUENCE "justification_reference_seq";
