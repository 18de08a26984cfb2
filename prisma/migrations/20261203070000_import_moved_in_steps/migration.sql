-- A contract import's rows enter the ledger in short transactions (docs/decisions/040-import-moved-in-steps.md).
-- The rows moved so far carry their "importJobId" and stay invisible to every reader until the job is
-- SUCCEEDED; their share of the rollup is summed here meanwhile and added to "ReturnRollup" by the last
-- short transaction, the one that marks the job SUCCEEDED. A failed import's rows go with it.
CREATE TABLE "StagedRollup" (
    "importJobId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "Category" NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "valueChfMinor" BIGINT NOT NULL,
    "contractCount" INTEGER NOT NULL,

    CONSTRAINT "StagedRollup_pkey" PRIMARY KEY ("importJobId", "scope", "year", "category", "countryCode")
);

ALTER TABLE "StagedRollup" ADD CONSTRAINT "StagedRollup_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
