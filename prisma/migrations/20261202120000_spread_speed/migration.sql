-- The industrial-return pages computed once per data change (docs/decisions/029-spread-computed-per-data-change.md).

-- "Is any contract demo data?" is asked by the dashboard and the department and group pages: without an
-- index it reads the whole ledger whenever the answer is no (a real ledger has no demo contracts).
CREATE INDEX "Contract_source_idx" ON "Contract"("source");

-- Two versions, each moved by every statement that changes what the industrial-return pages show:
-- FIGURES by contracts, the rollup, contribution scales, the policy and countries; NOTICES by alerts and
-- import jobs (whose progress moves often and must not make the figures be computed again). The app
-- keeps what it computed under the versions it read first and computes again when they move, on every
-- instance. Two rows, so that an acknowledgement never waits for an import's transaction to commit.
CREATE TABLE "ReturnDataVersion" (
    "id" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    CONSTRAINT "ReturnDataVersion_pkey" PRIMARY KEY ("id")
);
INSERT INTO "ReturnDataVersion" ("id", "version") VALUES ('FIGURES', 1), ('NOTICES', 1);

-- BEFORE each statement, so that a transaction takes the version row's lock before the row locks of its
-- statement: every writer takes them in the same order (no deadlock with the rollup's ordered upserts).
-- In the writing transaction: the new version becomes visible with the data, never before it.
CREATE FUNCTION "return_data_changed"() RETURNS TRIGGER AS $$
BEGIN
    UPDATE "ReturnDataVersion" SET "version" = "version" + 1 WHERE "id" = TG_ARGV[0];
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Contract_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contract"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');
CREATE TRIGGER "ReturnRollup_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReturnRollup"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');
CREATE TRIGGER "ContributionScale_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContributionScale"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');
CREATE TRIGGER "ReturnPolicy_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReturnPolicy"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');
CREATE TRIGGER "Country_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Country"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('FIGURES');
CREATE TRIGGER "ReturnAlert_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReturnAlert"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('NOTICES');
CREATE TRIGGER "ContractImportJob_changes_return_data" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContractImportJob"
    FOR EACH STATEMENT EXECUTE FUNCTION "return_data_changed"('NOTICES');
