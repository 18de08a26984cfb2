-- Industry Days (issue 13 point 9, ADR 043): the days procurement organises, dedicated to one country
-- or to a theme, and the companies invited to them with the country each is counted for.

-- CreateEnum
CREATE TYPE "IndustryDayKind" AS ENUM ('COUNTRY', 'THEMATIC');

-- CreateTable
CREATE TABLE "IndustryDay" (
    "id" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "kind" "IndustryDayKind" NOT NULL,
    "countryCode" CHAR(2),
    "theme" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndustryDay_pkey" PRIMARY KEY ("id"),
    -- A country day names its country and no theme; a thematic day names its theme and no country.
    CONSTRAINT "IndustryDay_country_or_theme" CHECK (
        ("kind" = 'COUNTRY' AND "countryCode" IS NOT NULL AND "theme" IS NULL)
        OR ("kind" = 'THEMATIC' AND "countryCode" IS NULL AND "theme" IS NOT NULL AND length(btrim("theme")) > 0)
    )
);

-- CreateTable
CREATE TABLE "IndustryDayInvitation" (
    "id" UUID NOT NULL,
    "industryDayId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "companyName" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,

    CONSTRAINT "IndustryDayInvitation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IndustryDayInvitation_company_named" CHECK (length(btrim("companyName")) > 0)
);

-- CreateIndex
CREATE INDEX "IndustryDay_heldOn_idx" ON "IndustryDay"("heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "IndustryDayInvitation_industryDayId_position_key" ON "IndustryDayInvitation"("industryDayId", "position");

-- CreateIndex
CREATE INDEX "IndustryDayInvitation_countryCode_idx" ON "IndustryDayInvitation"("countryCode");

-- AddForeignKey
ALTER TABLE "IndustryDay" ADD CONSTRAINT "IndustryDay_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryDayInvitation" ADD CONSTRAINT "IndustryDayInvitation_industryDayId_fkey" FOREIGN KEY ("industryDayId") REFERENCES "IndustryDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryDayInvitation" ADD CONSTRAINT "IndustryDayInvitation_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
