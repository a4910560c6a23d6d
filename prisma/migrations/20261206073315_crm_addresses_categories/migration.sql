-- CreateEnum
CREATE TYPE "CustomerAddressKind" AS ENUM ('billing', 'shipping', 'office');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "categoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CustomerAddress" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "CustomerAddressKind" NOT NULL DEFAULT 'office',
    "label" TEXT,
    "countryCode" TEXT NOT NULL DEFAULT 'CN',
    "province" TEXT,
    "city" TEXT,
    "street" TEXT NOT NULL,
    "postalCode" TEXT,
    "contactName" TEXT,
    "phone" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerCategory" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerCategory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerAddress_customerId_idx" ON "CustomerAddress"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerCategory_name_key" ON "CustomerCategory"("name");

-- AddForeignKey
ALTER TABLE "CustomerAddress" ADD CONSTRAINT "CustomerAddress_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: a customer's existing address becomes its primary address (Customer.address stays its text)
INSERT INTO "CustomerAddress" ("id", "customerId", "kind", "street", "isPrimary", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, c."id", 'office', c."address", true, c."createdAt", CURRENT_TIMESTAMP
FROM "Customer" c WHERE c."address" IS NOT NULL AND btrim(c."address") <> '';
