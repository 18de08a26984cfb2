-- Issue 15: keys for the JSON API (/api/v1), stored as the SHA-256 of the key shown once, and the
-- Idempotency-Key answers kept per key (docs/decisions/049-json-api-and-api-keys.md).
ALTER TYPE "ContractSource" ADD VALUE 'API';

CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretSha256" CHAR(64) NOT NULL,
    "scopes" TEXT[] NOT NULL,
    "personId" UUID,
    "requestsPerMinute" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ApiKey_requestsPerMinute_check" CHECK ("requestsPerMinute" > 0)
);
CREATE UNIQUE INDEX "ApiKey_secretSha256_key" ON "ApiKey"("secretSha256");
CREATE INDEX "ApiKey_createdAt_idx" ON "ApiKey"("createdAt");

CREATE TABLE "IdempotencyKey" (
    "apiKeyId" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "requestSha256" CHAR(64) NOT NULL,
    "status" INTEGER,
    "contentType" TEXT,
    "location" TEXT,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("apiKeyId", "key")
);
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
