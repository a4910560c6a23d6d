-- AlterEnum
ALTER TYPE "MasterDataKind" ADD VALUE 'bin';

-- AlterTable
ALTER TABLE "GoodsReceiptLine" ADD COLUMN     "lotNumber" TEXT,
ADD COLUMN     "shipmentLotId" TEXT;

-- CreateTable
CREATE TABLE "ShipmentLot" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planLineId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "shippedQuantity" DECIMAL(18,4) NOT NULL,
    "countedQuantity" DECIMAL(18,4),
    "countedAt" TIMESTAMP(3),
    "sampledQuantity" DECIMAL(18,4),
    "acceptedQuantity" DECIMAL(18,4),
    "rejectedQuantity" DECIMAL(18,4),
    "inspectionResult" TEXT,
    "defectType" TEXT,
    "inspectionNote" TEXT,
    "inspectedById" TEXT,
    "inspectedAt" TIMESTAMP(3),
    "locationCode" TEXT,
    "binCode" TEXT,
    "putAwayAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShipmentLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierReturn" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "locationCode" TEXT NOT NULL,
    "instanceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierReturnLine" (
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "lotNumber" TEXT NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "defectType" TEXT,
    "note" TEXT,

    CONSTRAINT "SupplierReturnLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShipmentLot_planId_idx" ON "ShipmentLot"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentLot_planLineId_lotNumber_key" ON "ShipmentLot"("planLineId", "lotNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierReturn_number_key" ON "SupplierReturn"("number");

-- CreateIndex
CREATE INDEX "SupplierReturn_supplierId_createdAt_idx" ON "SupplierReturn"("supplierId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierReturn_planId_key" ON "SupplierReturn"("planId");

-- AddForeignKey
ALTER TABLE "GoodsReceiptLine" ADD CONSTRAINT "GoodsReceiptLine_shipmentLotId_fkey" FOREIGN KEY ("shipmentLotId") REFERENCES "ShipmentLot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentLot" ADD CONSTRAINT "ShipmentLot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentLot" ADD CONSTRAINT "ShipmentLot_planLineId_fkey" FOREIGN KEY ("planLineId") REFERENCES "DeliveryPlanLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturn" ADD CONSTRAINT "SupplierReturn_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturn" ADD CONSTRAINT "SupplierReturn_planId_fkey" FOREIGN KEY ("planId") REFERENCES "DeliveryPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "SupplierReturn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "ShipmentLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
