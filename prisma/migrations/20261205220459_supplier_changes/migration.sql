-- CreateEnum
CREATE TYPE "SupplierChangeStatus" AS ENUM ('pending', 'approved', 'rejected', 'refused');

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "bankAccount" TEXT,
ADD COLUMN     "bankName" TEXT;

-- CreateTable
CREATE TABLE "SupplierChange" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "status" "SupplierChangeStatus" NOT NULL DEFAULT 'pending',
    "changes" JSONB NOT NULL,
    "reason" TEXT,
    "proposedById" TEXT,
    "outcome" TEXT,
    "instanceId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplierChange_number_key" ON "SupplierChange"("number");

-- CreateIndex
CREATE INDEX "SupplierChange_supplierId_createdAt_idx" ON "SupplierChange"("supplierId", "createdAt");

-- AddForeignKey
ALTER TABLE "SupplierChange" ADD CONSTRAINT "SupplierChange_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one change request under review per supplier: two proposals at once, one gets through.
CREATE UNIQUE INDEX "SupplierChange_one_pending_per_supplier" ON "SupplierChange"("supplierId") WHERE "status" = 'pending';
