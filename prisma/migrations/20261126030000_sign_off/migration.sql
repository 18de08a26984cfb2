-- Sign-off by email link: tokens, reminders and escalations, workflow settings.

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('REMINDER', 'ESCALATION');

-- AlterTable
ALTER TABLE "Justification" ADD COLUMN "awaitingSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignOffToken" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "justificationId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "signatoryId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignOffToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepReminder" (
    "id" UUID NOT NULL,
    "justificationId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "signatoryId" UUID NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StepReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "linkTtlHours" INTEGER NOT NULL DEFAULT 168,
    "reminderAfterWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "escalateAfterWorkingDays" INTEGER NOT NULL DEFAULT 7,
    "linkRequiresSignIn" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SignOffToken_tokenHash_key" ON "SignOffToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SignOffToken_justificationId_stepIndex_signatoryId_idx" ON "SignOffToken"("justificationId", "stepIndex", "signatoryId");

-- CreateIndex
CREATE UNIQUE INDEX "StepReminder_justificationId_round_stepIndex_signatoryId_kind_key" ON "StepReminder"("justificationId", "round", "stepIndex", "signatoryId", "kind");

-- AddForeignKey
ALTER TABLE "SignOffToken" ADD CONSTRAINT "SignOffToken_justificationId_fkey" FOREIGN KEY ("justificationId") REFERENCES "Justification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOffToken" ADD CONSTRAINT "SignOffToken_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StepReminder" ADD CONSTRAINT "StepReminder_justificationId_fkey" FOREIGN KEY ("justificationId") REFERENCES "Justification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
