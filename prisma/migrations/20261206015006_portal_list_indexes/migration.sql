-- DropIndex
DROP INDEX "GoodsReceipt_orderId_idx";

-- CreateIndex
CREATE INDEX "GoodsReceipt_orderId_receivedAt_idx" ON "GoodsReceipt"("orderId", "receivedAt");

-- CreateIndex
CREATE INDEX "GoodsReceiptLine_receiptId_idx" ON "GoodsReceiptLine"("receiptId");

-- CreateIndex
CREATE INDEX "PurchaseOrder_supplierId_createdAt_id_idx" ON "PurchaseOrder"("supplierId", "createdAt" DESC, "id");
