-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "entryKey" TEXT;

-- AlterTable
ALTER TABLE "PurchaseOrderLine" ADD COLUMN     "originalDate" TIMESTAMP(3),
ADD COLUMN     "originalQuantity" DECIMAL(18,4);

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_entryKey_key" ON "PurchaseOrder"("entryKey");

-- Lines that exist already: what they ask for now is the best record of what they first asked for.
UPDATE "PurchaseOrderLine" SET "originalQuantity" = "quantity", "originalDate" = "requestedDate" WHERE "originalQuantity" IS NULL;
