-- CreateEnum
CREATE TYPE "ErpConnectorKind" AS ENUM ('builtin', 'tryton');

-- CreateEnum
CREATE TYPE "MasterDataKind" AS ENUM ('paymentTerm', 'tax', 'currency', 'unit', 'warehouse', 'location');

-- CreateEnum
CREATE TYPE "ErpLogDirection" AS ENUM ('read', 'write', 'event');

-- CreateEnum
CREATE TYPE "ErpLogStatus" AS ENUM ('ok', 'failed');

-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('open', 'confirmed', 'received', 'cancelled');

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "erpId" TEXT;

-- CreateTable
CREATE TABLE "ErpConnection" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "kind" "ErpConnectorKind" NOT NULL DEFAULT 'builtin',
    "url" TEXT,
    "database" TEXT,
    "username" TEXT,
    "passwordEnc" TEXT,
    "pollSeconds" INTEGER NOT NULL DEFAULT 60,
    "healthOk" BOOLEAN,
    "healthAt" TIMESTAMP(3),
    "healthMessage" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErpConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErpMapping" (
    "id" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "localCode" TEXT NOT NULL,
    "erpId" TEXT NOT NULL,
    "erpName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErpMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MasterData" (
    "id" TEXT NOT NULL,
    "kind" "MasterDataKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "attrs" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "erpId" TEXT,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MasterData_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitCode" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "erpId" TEXT,
    "erpWriteAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "taxCode" TEXT,
    "paymentTermCode" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "address" TEXT,
    "erpId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErpSyncLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connector" "ErpConnectorKind" NOT NULL,
    "direction" "ErpLogDirection" NOT NULL,
    "operation" TEXT NOT NULL,
    "status" "ErpLogStatus" NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "request" JSONB,
    "response" JSONB,
    "error" TEXT,
    "jobId" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "ErpSyncLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErpCursor" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErpCursor_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'open',
    "currencyCode" TEXT,
    "orderDate" TIMESTAMP(3),
    "erpId" TEXT,
    "instanceId" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "supplierRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "productCode" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unitCode" TEXT NOT NULL,
    "unitPrice" DECIMAL(18,4) NOT NULL,
    "requestedDate" TIMESTAMP(3),
    "confirmedQuantity" DECIMAL(18,4),
    "confirmedDate" TIMESTAMP(3),
    "receivedQuantity" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "rejectedQuantity" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "erpId" TEXT,

    CONSTRAINT "PurchaseOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodsReceipt" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedById" TEXT,
    "instanceId" TEXT,
    "erpId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoodsReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodsReceiptLine" (
    "id" TEXT NOT NULL,
    "receiptId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "acceptedQuantity" DECIMAL(18,4) NOT NULL,
    "rejectedQuantity" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "locationCode" TEXT,
    "binCode" TEXT,

    CONSTRAINT "GoodsReceiptLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ErpMapping_entity_localCode_key" ON "ErpMapping"("entity", "localCode");

-- CreateIndex
CREATE UNIQUE INDEX "ErpMapping_entity_erpId_key" ON "ErpMapping"("entity", "erpId");

-- CreateIndex
CREATE INDEX "MasterData_kind_erpId_idx" ON "MasterData"("kind", "erpId");

-- CreateIndex
CREATE UNIQUE INDEX "MasterData_kind_code_key" ON "MasterData"("kind", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Product_code_key" ON "Product"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Product_erpId_key" ON "Product"("erpId");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_code_key" ON "Customer"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_erpId_key" ON "Customer"("erpId");

-- CreateIndex
CREATE INDEX "ErpSyncLog_at_idx" ON "ErpSyncLog"("at");

-- CreateIndex
CREATE INDEX "ErpSyncLog_operation_at_idx" ON "ErpSyncLog"("operation", "at");

-- CreateIndex
CREATE INDEX "ErpSyncLog_status_at_idx" ON "ErpSyncLog"("status", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_number_key" ON "PurchaseOrder"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_erpId_key" ON "PurchaseOrder"("erpId");

-- CreateIndex
CREATE INDEX "PurchaseOrder_supplierId_status_idx" ON "PurchaseOrder"("supplierId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_orderId_lineNo_key" ON "PurchaseOrderLine"("orderId", "lineNo");

-- CreateIndex
CREATE UNIQUE INDEX "GoodsReceipt_number_key" ON "GoodsReceipt"("number");

-- CreateIndex
CREATE INDEX "GoodsReceipt_orderId_idx" ON "GoodsReceipt"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_erpId_key" ON "Supplier"("erpId");

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsReceipt" ADD CONSTRAINT "GoodsReceipt_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PurchaseOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsReceiptLine" ADD CONSTRAINT "GoodsReceiptLine_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "GoodsReceipt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodsReceiptLine" ADD CONSTRAINT "GoodsReceiptLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "PurchaseOrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
