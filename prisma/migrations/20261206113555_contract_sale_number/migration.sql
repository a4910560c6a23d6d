-- AlterTable
ALTER TABLE "SalesContract" ADD COLUMN     "erpSaleNumber" TEXT;
