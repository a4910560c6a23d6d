-- AlterTable
ALTER TABLE "SupplierChange" ADD COLUMN     "proposedBySupplierUserId" TEXT;
