-- CreateEnum
CREATE TYPE "CustomerStage" AS ENUM ('prospect', 'customer', 'inactive');

-- CreateEnum
CREATE TYPE "CustomerLogKind" AS ENUM ('visit', 'call', 'meeting', 'email');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "custom" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "industry" TEXT,
ADD COLUMN     "lastContactAt" TIMESTAMP(3),
ADD COLUMN     "level" TEXT,
ADD COLUMN     "nameBrand" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nameInitials" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "namePinyin" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "sharedWithTeam" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stage" "CustomerStage" NOT NULL DEFAULT 'prospect',
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "teamId" TEXT;

-- CreateTable
CREATE TABLE "CustomerContact" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerLog" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "CustomerLogKind" NOT NULL,
    "note" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" TEXT NOT NULL,
    "nextFollowUpAt" TIMESTAMP(3),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrmSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrmSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CustomerContact_customerId_idx" ON "CustomerContact"("customerId");

-- CreateIndex
CREATE INDEX "CustomerContact_phone_idx" ON "CustomerContact"("phone");

-- CreateIndex
CREATE INDEX "CustomerLog_customerId_at_idx" ON "CustomerLog"("customerId", "at");

-- CreateIndex
CREATE INDEX "CustomerLog_byId_at_idx" ON "CustomerLog"("byId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_creditCode_key" ON "Customer"("creditCode");

-- CreateIndex
CREATE INDEX "Customer_ownerId_lastContactAt_idx" ON "Customer"("ownerId", "lastContactAt");

-- CreateIndex
CREATE INDEX "Customer_teamId_lastContactAt_idx" ON "Customer"("teamId", "lastContactAt");

-- CreateIndex
CREATE INDEX "Customer_nameBrand_idx" ON "Customer"("nameBrand");

-- CreateIndex
CREATE INDEX "Customer_namePinyin_idx" ON "Customer"("namePinyin");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerContact" ADD CONSTRAINT "CustomerContact_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerLog" ADD CONSTRAINT "CustomerLog_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The duplicate check searches names by trigrams (databases are created with LOCALE 'C.utf8',
-- so CJK characters make trigrams). pg_trgm is a trusted extension (PostgreSQL 13+), also in PGlite's contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Customer_nameKey_trgm_idx" ON "Customer" USING GIN ("nameKey" gin_trgm_ops);

-- Customers read from the ERP before the CRM existed are customers of record.
UPDATE "Customer" SET "stage" = 'customer' WHERE "erpId" IS NOT NULL;

-- Customer codes entered in the CRM (CU000001, ...): an import draws thousands at once.
CREATE SEQUENCE "Customer_code_seq" START 1;
