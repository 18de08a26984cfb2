-- A person's language for pages and emails (docs/decisions/046-english-and-french.md). Null: no choice
-- saved, so the browser's language (pages) or the organisation's default (emails) applies.
ALTER TABLE "Person" ADD COLUMN "preferredLanguage" TEXT;
ALTER TABLE "Person" ADD CONSTRAINT "Person_preferredLanguage_check" CHECK ("preferredLanguage" IN ('en', 'fr'));
