-- Outbox: bodies sealed at rest, and short leases renewed while a message is sent
-- (docs/decisions/008-outbox-secrets-and-delivery.md).

-- AlterTable
-- Bodies are sealed by the app (AES-256-GCM under a key derived from SESSION_SECRET, which SQL does not
-- know), so the clear columns cannot be converted here. They are renamed, not dropped: a message still
-- waiting or failed keeps its body until the worker seals it at start-up, and an instance still running
-- the previous version fails loudly on the missing "html" column instead of sending an empty email.
ALTER TABLE "OutboxMessage" RENAME COLUMN "html" TO "unsealedHtml";
ALTER TABLE "OutboxMessage" RENAME COLUMN "text" TO "unsealedText";
ALTER TABLE "OutboxMessage" ALTER COLUMN "unsealedHtml" DROP NOT NULL,
ALTER COLUMN "unsealedText" DROP NOT NULL,
ADD COLUMN "sealedBody" BYTEA,
ADD COLUMN "sealedBodyIv" BYTEA,
ADD COLUMN "sealedBodyKey" TEXT,
ADD COLUMN "lockedBy" UUID;

-- A delivered message keeps no body: its links may still be live.
UPDATE "OutboxMessage" SET "unsealedHtml" = NULL, "unsealedText" = NULL WHERE "status" = 'SENT';
