-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ProcessInstance" ADD COLUMN     "startKey" TEXT;

-- AlterTable
ALTER TABLE "SupplierUser" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "ProcessInstance_startedBy_startKey_key" ON "ProcessInstance"("startedBy", "startKey");
