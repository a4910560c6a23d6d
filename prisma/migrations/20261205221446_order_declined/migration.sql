-- AlterEnum
ALTER TYPE "PurchaseOrderStatus" ADD VALUE 'declined';

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "declinedAt" TIMESTAMP(3);
