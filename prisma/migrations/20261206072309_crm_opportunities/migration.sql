-- CreateEnum
CREATE TYPE "OpportunityStage" AS ENUM ('qualify', 'solution', 'quotation', 'negotiation', 'won', 'lost');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('running', 'approved', 'rejected', 'cancelled');

-- DropIndex
DROP INDEX "SavedFilter_ownerId_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "techParams" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "SavedFilter" ADD COLUMN     "listKey" TEXT NOT NULL DEFAULT 'inbox';

-- CreateTable
CREATE TABLE "ProductCategory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "paramDefs" JSONB NOT NULL DEFAULT '[]',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityStageConfig" (
    "stage" "OpportunityStage" NOT NULL,
    "probability" INTEGER NOT NULL,
    "requiresReview" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpportunityStageConfig_pkey" PRIMARY KEY ("stage")
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "leadId" TEXT,
    "copiedFromId" TEXT,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "stage" "OpportunityStage" NOT NULL DEFAULT 'qualify',
    "probability" INTEGER NOT NULL DEFAULT 10,
    "expectedCloseDate" DATE,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "currencyCode" TEXT NOT NULL DEFAULT 'CNY',
    "note" TEXT,
    "lostReason" TEXT,
    "erpSaleId" TEXT,
    "erpSaleNumber" TEXT,
    "erpQuotedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityLine" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT,
    "productCode" TEXT,
    "categoryId" TEXT,
    "description" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "quantity" DECIMAL(14,3) NOT NULL,
    "unitCode" TEXT,
    "unitPrice" DECIMAL(14,4) NOT NULL,
    "discountPct" DECIMAL(5,2) NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL,
    "unitCost" DECIMAL(14,4),
    "expectedDelivery" DATE,

    CONSTRAINT "OpportunityLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityReview" (
    "id" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "stage" "OpportunityStage" NOT NULL,
    "instanceId" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'running',
    "snapshot" JSONB NOT NULL DEFAULT '{}',
    "outcomeNote" TEXT,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OpportunityReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductCategory_code_key" ON "ProductCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_code_key" ON "Opportunity"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_leadId_key" ON "Opportunity"("leadId");

-- CreateIndex
CREATE INDEX "Opportunity_ownerId_stage_idx" ON "Opportunity"("ownerId", "stage");

-- CreateIndex
CREATE INDEX "Opportunity_teamId_stage_idx" ON "Opportunity"("teamId", "stage");

-- CreateIndex
CREATE INDEX "Opportunity_customerId_idx" ON "Opportunity"("customerId");

-- CreateIndex
CREATE INDEX "Opportunity_stage_expectedCloseDate_idx" ON "Opportunity"("stage", "expectedCloseDate");

-- CreateIndex
CREATE INDEX "OpportunityLine_opportunityId_position_idx" ON "OpportunityLine"("opportunityId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityReview_instanceId_key" ON "OpportunityReview"("instanceId");

-- CreateIndex
CREATE INDEX "OpportunityReview_opportunityId_stage_status_idx" ON "OpportunityReview"("opportunityId", "stage", "status");

-- CreateIndex
CREATE INDEX "Product_categoryId_idx" ON "Product"("categoryId");

-- CreateIndex
CREATE INDEX "SavedFilter_ownerId_listKey_idx" ON "SavedFilter"("ownerId", "listKey");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ProductCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityLine" ADD CONSTRAINT "OpportunityLine_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityReview" ADD CONSTRAINT "OpportunityReview_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The pipeline's stages with their default probability and whether leaving them needs a review
INSERT INTO "OpportunityStageConfig" ("stage", "probability", "requiresReview", "sortOrder", "updatedAt") VALUES
  ('qualify', 10, false, 1, CURRENT_TIMESTAMP),
  ('solution', 30, true, 2, CURRENT_TIMESTAMP),
  ('quotation', 60, true, 3, CURRENT_TIMESTAMP),
  ('negotiation', 80, false, 4, CURRENT_TIMESTAMP),
  ('won', 100, false, 5, CURRENT_TIMESTAMP),
  ('lost', 0, false, 6, CURRENT_TIMESTAMP);
