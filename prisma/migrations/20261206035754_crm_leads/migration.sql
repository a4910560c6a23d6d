-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('new', 'working', 'converted', 'disqualified');

-- CreateEnum
CREATE TYPE "LeadSource" AS ENUM ('exhibition', 'website', 'referral', 'cold_call', 'advertisement', 'other');

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL DEFAULT '',
    "nameBrand" TEXT NOT NULL DEFAULT '',
    "namePinyin" TEXT NOT NULL DEFAULT '',
    "nameInitials" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "region" TEXT,
    "industry" TEXT,
    "channel" TEXT,
    "campaignCode" TEXT,
    "remark" TEXT,
    "source" "LeadSource" NOT NULL DEFAULT 'other',
    "sourceRuleId" TEXT,
    "status" "LeadStatus" NOT NULL DEFAULT 'new',
    "disqualifyReason" TEXT,
    "ownerId" TEXT,
    "teamId" TEXT,
    "customerId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastWorkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadConversion" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "linkedExisting" BOOLEAN NOT NULL DEFAULT false,
    "duplicateReason" TEXT,
    "opportunityName" TEXT,
    "expectedAmount" DECIMAL(14,2),
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadConversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadSourceRule" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "source" "LeadSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadSourceRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadAssignmentRule" (
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "teamId" TEXT,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadAssignmentRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lead_code_key" ON "Lead"("code");

-- CreateIndex
CREATE INDEX "Lead_ownerId_status_idx" ON "Lead"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Lead_teamId_status_idx" ON "Lead"("teamId", "status");

-- CreateIndex
CREATE INDEX "Lead_customerId_idx" ON "Lead"("customerId");

-- CreateIndex
CREATE INDEX "Lead_status_lastWorkedAt_idx" ON "Lead"("status", "lastWorkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadConversion_leadId_key" ON "LeadConversion"("leadId");

-- CreateIndex
CREATE INDEX "LeadConversion_customerId_idx" ON "LeadConversion"("customerId");

-- CreateIndex
CREATE INDEX "LeadSourceRule_position_idx" ON "LeadSourceRule"("position");

-- CreateIndex
CREATE INDEX "LeadAssignmentRule_position_idx" ON "LeadAssignmentRule"("position");

-- AddForeignKey
ALTER TABLE "LeadConversion" ADD CONSTRAINT "LeadConversion_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Lead numbers LD000001, LD000002 (create-leads.ts)
CREATE SEQUENCE "Lead_code_seq" START 1;
