-- CreateEnum
CREATE TYPE "DeliveryPlanStatus" AS ENUM ('planned', 'shipped', 'received', 'cancelled');

-- AlterTable
ALTER TABLE "GoodsReceipt" ADD COLUMN     "deliveryPlanId" TEXT;

-- AlterTable
ALTER TABLE "PurchaseOrder" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "DeliveryPlan" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "erpId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "status" "DeliveryPlanStatus" NOT NULL DEFAULT 'planned',
    "plannedDate" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "instanceId" TEXT,
    "shippedAt" TIMESTAMP(3),
    "waybillNo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryPlanLine" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "erpId" TEXT,
    "quantity" DECIMAL(18,4) NOT NULL,
    "plannedDate" TIMESTAMP(3),

    CONSTRAINT "DeliveryPlanLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryPlan_number_key" ON "DeliveryPlan"("number");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryPlan_erpId_key" ON "DeliveryPlan"("erpId");

-- CreateIndex
CREATE INDEX "DeliveryPlan_supplierId_status_idx" ON "DeliveryPlan"("supplierId", "status");

-- CreateIndex
CREATE INDEX "DeliveryPlan_orderId_idx" ON "DeliveryPlan"("orderId");

-- CreateIndex
CREATE INDEX "DeliveryPlanLine_planId_idx" ON "DeliveryPlanLine"("planId");

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PurchaseOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlanLine" ADD CONSTRAINT "DeliveryPlanLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlanLine" ADD CONSTRAINT "DeliveryPlanLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsReceipt" ADD CONSTRAINT "GoodsReceipt_deliveryPlanId_fkey" FOREIGN KEY ("deliveryPlanId") REFERENCES "DeliveryPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
