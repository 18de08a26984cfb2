-- One name per idea (issue 9): the statistics the UI calls "Industrial return" are stored under that
-- name too. Renames only: no data moves. The audit trail's event types (SPREAD_ALERT_*) and the
-- outbox's template names stay, because audit events are append-only and keep the names they had.
ALTER TYPE "SpreadBand" RENAME TO "ReturnBand";
ALTER TYPE "SpreadAlertKind" RENAME TO "ReturnAlertKind";

ALTER TABLE "SpreadRollup" RENAME TO "ReturnRollup";
ALTER TABLE "ReturnRollup" RENAME CONSTRAINT "SpreadRollup_pkey" TO "ReturnRollup_pkey";

ALTER TABLE "SpreadPolicy" RENAME TO "ReturnPolicy";
ALTER TABLE "ReturnPolicy" RENAME CONSTRAINT "SpreadPolicy_pkey" TO "ReturnPolicy_pkey";
ALTER INDEX "SpreadPolicy_effectiveFrom_key" RENAME TO "ReturnPolicy_effectiveFrom_key";

ALTER TABLE "SpreadBandState" RENAME TO "ReturnBandState";
ALTER TABLE "ReturnBandState" RENAME CONSTRAINT "SpreadBandState_pkey" TO "ReturnBandState_pkey";

ALTER TABLE "SpreadAlert" RENAME TO "ReturnAlert";
ALTER TABLE "ReturnAlert" RENAME CONSTRAINT "SpreadAlert_pkey" TO "ReturnAlert_pkey";
ALTER INDEX "SpreadAlert_acknowledgedAt_raisedAt_idx" RENAME TO "ReturnAlert_acknowledgedAt_raisedAt_idx";
ALTER INDEX "SpreadAlert_countryCode_raisedAt_idx" RENAME TO "ReturnAlert_countryCode_raisedAt_idx";

ALTER TABLE "SpreadDigest" RENAME TO "ReturnDigest";
ALTER TABLE "ReturnDigest" RENAME CONSTRAINT "SpreadDigest_pkey" TO "ReturnDigest_pkey";
ALTER INDEX "SpreadDigest_recipientId_period_key" RENAME TO "ReturnDigest_recipientId_period_key";
