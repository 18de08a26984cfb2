-- The language an email was written in (its recipient's, ADR 046), stored beside its subject: the
-- outbox page marks each subject with it (lang="fr") instead of "unknown". Null: queued before it
-- was recorded.
ALTER TABLE "OutboxMessage" ADD COLUMN "language" TEXT;
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_language_check" CHECK ("language" IN ('en', 'fr'));
