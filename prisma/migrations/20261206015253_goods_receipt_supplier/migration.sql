-- AlterTable: the order's supplier on each receipt, filled from the order for existing rows.
ALTER TABLE "GoodsReceipt" ADD COLUMN     "supplierId" TEXT;
UPDATE "GoodsReceipt" r SET "supplierId" = o."supplierId" FROM "PurchaseOrder" o WHERE o."id" = r."orderId";
ALTER TABLE "GoodsReceipt" ALTER COLUMN "supplierId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "GoodsReceipt_supplierId_receivedAt_id_idx" ON "GoodsReceipt"("supplierId", "receivedAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "GoodsReceipt" ADD CONSTRAINT "GoodsReceipt_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
