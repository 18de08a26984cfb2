-- Contract imports stream: the upload is kept in chunks of lines (each batch reads its own, once)
-- instead of the whole text in one row read back for every batch (docs/decisions/028-import-by-copy.md).
ALTER TABLE "ContractImportJob" DROP COLUMN "content";
ALTER TABLE "ContractImportJob" ADD COLUMN "header" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ContractImportChunk" (
    "importJobId" UUID NOT NULL,
    "firstRow" INTEGER NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ContractImportChunk_pkey" PRIMARY KEY ("importJobId","firstRow")
);

-- AddForeignKey
ALTER TABLE "ContractImportChunk" ADD CONSTRAINT "ContractImportChunk_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ContractImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
