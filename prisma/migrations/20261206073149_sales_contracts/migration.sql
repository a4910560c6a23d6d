-- CreateEnum
CREATE TYPE "SalesContractTemplate" AS ENUM ('domestic', 'foreign');

-- CreateEnum
CREATE TYPE "SalesContractStatus" AS ENUM ('draft', 'in_review', 'approved', 'signed', 'cancelled');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "countryCode" TEXT NOT NULL DEFAULT 'CN';

-- CreateTable
CREATE TABLE "SalesContract" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "opportunityId" TEXT,
    "copiedFromId" TEXT,
    "template" "SalesContractTemplate" NOT NULL,
    "currencyCode" TEXT NOT NULL DEFAULT 'CNY',
    "incoterm" TEXT,
    "incotermPlace" TEXT,
    "paymentTerms" TEXT NOT NULL DEFAULT '',
    "deliveryTerms" TEXT NOT NULL DEFAULT '',
    "status" "SalesContractStatus" NOT NULL DEFAULT 'draft',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "totalAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "instanceId" TEXT,
    "approvedAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3),
    "signedScanId" TEXT,
    "erpSaleId" TEXT,
    "erpConfirmedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalesContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesContractVersion" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "terms" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SalesContractVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SalesContract_number_key" ON "SalesContract"("number");

-- CreateIndex
CREATE UNIQUE INDEX "SalesContract_instanceId_key" ON "SalesContract"("instanceId");

-- CreateIndex
CREATE INDEX "SalesContract_customerId_idx" ON "SalesContract"("customerId");

-- CreateIndex
CREATE INDEX "SalesContract_ownerId_status_idx" ON "SalesContract"("ownerId", "status");

-- CreateIndex
CREATE INDEX "SalesContract_teamId_status_idx" ON "SalesContract"("teamId", "status");

-- CreateIndex
CREATE INDEX "SalesContract_opportunityId_idx" ON "SalesContract"("opportunityId");

-- CreateIndex
CREATE UNIQUE INDEX "SalesContractVersion_contractId_version_key" ON "SalesContractVersion"("contractId", "version");

-- AddForeignKey
ALTER TABLE "SalesContract" ADD CONSTRAINT "SalesContract_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesContract" ADD CONSTRAINT "SalesContract_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesContract" ADD CONSTRAINT "SalesContract_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "SalesContract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesContractVersion" ADD CONSTRAINT "SalesContractVersion_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SalesContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
