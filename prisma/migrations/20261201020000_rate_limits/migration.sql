-- Sign-in limits: the counters of rate-limiter-flexible's PostgreSQL store, and where a sign-in returns to.

-- CreateTable
-- The shape RateLimiterPostgres reads and writes (lib/RateLimiterPostgres.js): lower-case, unquoted
-- column names, `expire` in milliseconds since the epoch (NULL: never). Created here so the app never
-- runs DDL at run time (the limiters are built with tableCreated: true). One table holds every
-- limiter: each prefixes its keys ("sign-in-emails:ada@example.org").
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- AlterTable
-- The same-origin path to return to after signing in (e.g. a sign-off page in strict mode), encrypted:
-- it may hold a sign-off link's token, which the database must never show in clear.
ALTER TABLE "SignInRequest" ADD COLUMN "sealedRedirectTo" TEXT;
