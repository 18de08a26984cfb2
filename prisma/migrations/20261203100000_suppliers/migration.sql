-- The supplier register and the filing-time suggestions of suppliers in very poorly balanced countries
-- (docs/decisions/044-supplier-register-and-suggestions.md).

-- CreateEnum
CREATE TYPE "SupplierSource" AS ENUM ('CSV', 'AWARD', 'JUSTIFICATION');

-- CreateTable
CREATE TABLE "Supplier" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "establishmentCountryCode" CHAR(2) NOT NULL,
    "originCountryCodes" TEXT[] NOT NULL,
    "activityCodes" TEXT[] NOT NULL,
    "source" "SupplierSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_normalizedName_key" ON "Supplier"("normalizedName");

-- CreateIndex
CREATE INDEX "Supplier_establishmentCountryCode_idx" ON "Supplier"("establishmentCountryCode");

-- AddForeignKey
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_establishmentCountryCode_fkey" FOREIGN KEY ("establishmentCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Justification" ADD COLUMN "activityCode" TEXT,
ADD COLUMN "alternativeSuppliersReason" TEXT,
ADD COLUMN "alternativeSuppliers" JSONB;
