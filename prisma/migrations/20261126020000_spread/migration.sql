-- Geographic spread of contracts: the contract ledger and its rollup, contract imports, contribution
-- scales, the spread policy, band states and alerts, and periodic statistics emails.

-- CreateEnum
CREATE TYPE "ContractSource" AS ENUM ('AWARD', 'IMPORT', 'DEMO');

-- CreateEnum
CREATE TYPE "ContractImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "SpreadBand" AS ENUM ('VERY_POORLY', 'POORLY', 'WELL');

-- CreateEnum
CREATE TYPE "SpreadAlertKind" AS ENUM ('ENTERED_VERY_POORLY', 'LEFT_VERY_POORLY');

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "awardedOn" DATE NOT NULL,
    "supplierName" TEXT NOT NULL,
    "originCountryCode" CHAR(2),
    "establishmentCountryCode" CHAR(2) NOT NULL,
    "returnCountryCode" CHAR(2) NOT NULL,
    "category" "Category" NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountChfMinor" BIGINT NOT NULL,
    "exchangeRate" TEXT NOT NULL,
    "exchangeRateDate" DATE NOT NULL,
    "departmentId" UUID NOT NULL,
    "groupId" UUID,
    "justificationId" UUID,
    "source" "ContractSource" NOT NULL,
    "importJobId" UUID,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpreadRollup" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "Category" NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "valueChfMinor" BIGINT NOT NULL,
    "contractCount" INTEGER NOT NULL,

    CONSTRAINT "SpreadRollup_pkey" PRIMARY KEY ("scope","year","category","countryCode")
);

-- CreateTable
CREATE TABLE "ContractImportJob" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "ContractImportStatus" NOT NULL DEFAULT 'QUEUED',
    "totalRows" INTEGER NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "unchangedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "fatalError" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ContractImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedContract" (
    "importJobId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "awardedOn" DATE NOT NULL,
    "supplierName" TEXT NOT NULL,
    "originCountryCode" CHAR(2),
    "establishmentCountryCode" CHAR(2) NOT NULL,
    "returnCountryCode" CHAR(2) NOT NULL,
    "category" "Category" NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountChfMinor" BIGINT NOT NULL,
    "exchangeRate" TEXT NOT NULL,
    "exchangeRateDate" DATE NOT NULL,
    "departmentId" UUID NOT NULL,
    "groupId" UUID,

    CONSTRAINT "StagedContract_pkey" PRIMARY KEY ("importJobId","line")
);

-- CreateTable
CREATE TABLE "ContractImportRejection" (
    "importJobId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "orderNumber" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ContractImportRejection_pkey" PRIMARY KEY ("importJobId","line")
);

-- CreateTable
CREATE TABLE "ContributionScale" (
    "year" INTEGER NOT NULL,
    "budgetChfMinor" BIGINT,
    "shares" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionScale_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "SpreadPolicy" (
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "bands" JSONB NOT NULL,
    "windowYears" INTEGER NOT NULL DEFAULT 4,
    "veryPoorlyTarget" JSONB NOT NULL,
    "digestFrequency" "DigestFrequency" NOT NULL DEFAULT 'MONTHLY',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpreadPolicy_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "SpreadBandState" (
    "countryCode" CHAR(2) NOT NULL,
    "band" "SpreadBand",
    "coefficient" TEXT,
    "windowFromYear" INTEGER NOT NULL,
    "windowToYear" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpreadBandState_pkey" PRIMARY KEY ("countryCode")
);

-- CreateTable
CREATE TABLE "SpreadAlert" (
    "id" UUID NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "kind" "SpreadAlertKind" NOT NULL,
    "fromBand" "SpreadBand",
    "toBand" "SpreadBand",
    "coefficient" TEXT,
    "coefficientDisplay" TEXT,
    "windowFromYear" INTEGER NOT NULL,
    "windowToYear" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,

    CONSTRAINT "SpreadAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpreadDigest" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "outboxMessageId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpreadDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contract_orderNumber_key" ON "Contract"("orderNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_justificationId_key" ON "Contract"("justificationId");

-- CreateIndex
CREATE INDEX "Contract_awardedOn_idx" ON "Contract"("awardedOn");

-- CreateIndex
CREATE INDEX "Contract_departmentId_awardedOn_idx" ON "Contract"("departmentId", "awardedOn");

-- CreateIndex
CREATE INDEX "Contract_groupId_awardedOn_idx" ON "Contract"("groupId", "awardedOn");

-- CreateIndex
CREATE INDEX "Contract_importJobId_idx" ON "Contract"("importJobId");

-- CreateIndex
CREATE INDEX "ContractImportJob_status_createdAt_idx" ON "ContractImportJob"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StagedContract_importJobId_orderNumber_key" ON "StagedContract"("importJobId", "orderNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SpreadPolicy_effectiveFrom_key" ON "SpreadPolicy"("effectiveFrom");

-- CreateIndex
CREATE INDEX "SpreadAlert_acknowledgedAt_raisedAt_idx" ON "SpreadAlert"("acknowledgedAt", "raisedAt");

-- CreateIndex
CREATE INDEX "SpreadAlert_countryCode_raisedAt_idx" ON "SpreadAlert"("countryCode", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SpreadDigest_recipientId_period_key" ON "SpreadDigest"("recipientId", "period");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_originCountryCode_fkey" FOREIGN KEY ("originCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_establishmentCountryCode_fkey" FOREIGN KEY ("establishmentCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_justificationId_fkey" FOREIGN KEY ("justificationId") REFERENCES "Justification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StagedContract" ADD CONSTRAINT "StagedContract_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractImportRejection" ADD CONSTRAINT "ContractImportRejection_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
