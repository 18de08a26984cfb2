-- Membership over time (issue 13.6, ADR 042): a country becomes an Associate Member State or a Member
-- State on a date. Today's membership is carried over as each country's undated row ("in force before
-- the dated history starts"); procurement adds the dated changes. "Country"."membership" stays as the
-- membership in force today, kept in step by the use case that edits the history.
CREATE TABLE "CountryMembership" (
    "id" UUID NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "membership" "Membership" NOT NULL,
    "effectiveFrom" DATE,
    "source" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CountryMembership_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CountryMembership_countryCode_effectiveFrom_key" ON "CountryMembership"("countryCode", "effectiveFrom");
ALTER TABLE "CountryMembership" ADD CONSTRAINT "CountryMembership_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "CountryMembership" ("id", "countryCode", "membership", "effectiveFrom", "source")
SELECT gen_random_uuid(), "code", "membership", NULL, 'Membership before the dated history (carried over from the country list)'
FROM "Country";

CREATE TRIGGER "CountryMembership_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CountryMembership"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');

-- The spread policy's Associate ceilings per country and year (issue 13.7), and who published a version (13.8).
ALTER TABLE "ReturnPolicy" ADD COLUMN "amsCeilings" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "ReturnPolicy" ADD COLUMN "publishedById" UUID;
