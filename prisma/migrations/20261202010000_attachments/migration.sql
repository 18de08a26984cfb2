-- Supporting documents of justifications (issue 11, ADR 026): files content-addressed by SHA-256,
-- their bytes in PostgreSQL by default (in 1 MiB chunks) or in an S3-compatible store, and the
-- attachments that name them. Plus the policy's threshold above which a quote is expected.

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('QUOTE', 'MARKET_SURVEY', 'EXCLUSIVITY_LETTER', 'TECHNICAL_SPECIFICATION', 'OTHER');

-- CreateEnum
CREATE TYPE "FileStore" AS ENUM ('POSTGRES', 'S3');

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" CHAR(64) NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "store" "FileStore" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256"),
    CONSTRAINT "StoredFile_sha256_is_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);

-- CreateTable
CREATE TABLE "StoredFileChunk" (
    "sha256" CHAR(64) NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("sha256","seq")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "justificationId" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_justificationId_addedAt_idx" ON "Attachment"("justificationId", "addedAt");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- AddForeignKey
ALTER TABLE "StoredFileChunk" ADD CONSTRAINT "StoredFileChunk_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "StoredFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_justificationId_fkey" FOREIGN KEY ("justificationId") REFERENCES "Justification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "StoredFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "SignaturePolicy" ADD COLUMN "quoteExpectedAboveChfMinor" BIGINT NOT NULL DEFAULT 5000000;
