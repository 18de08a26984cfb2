-- The industrial-return pages computed once per data change (docs/decisions/029-spread-computed-per-data-change.md).

-- "Is any contract demo data?" is asked by the dashboard and the department and group pages: without an
-- index it reads the whole ledger whenever the answer is no (a real ledger has no demo contracts).
CREATE INDEX "Contract_source_idx" ON "Contract"("source");

-- One row whose version changes with every statement that changes what the industrial-return pages show
-- (contracts, the rollup, contribution scales, the policy, countries). The app keeps each computed page
-- under the version it read first and recomputes when the version moves, on every instance.
CREATE TABLE "ReturnDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL,
    CONSTRAINT "ReturnDataVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReturnDataVersion_one_row" CHECK ("id" = 1)
);
INSERT INTO "ReturnDataVersion" ("id", "version") VALUES (1, 1);

-- BEFORE each statement, so that a transaction takes the version row's lock before the row locks of its
-- statement: every writer takes them in the same order (no deadlock with the rollup's ordered upserts).
-- In the writing transaction: the new version becomes visible with the data, never before it.
CREATE FUNCTION "return_data_changed"() RETURNS TRIGGER AS $$
BEGIN
    UPDATE "ReturnDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Contract_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contract"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"();
CREATE TRIGGER "ReturnRollup_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReturnRollup"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"();
CREATE TRIGGER "ContributionScale_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContributionScale"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"();
CREATE TRIGGER "ReturnPolicy_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReturnPolicy"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"();
CREATE TRIGGER "Country_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Country"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"();
