-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('holiday', 'workday');

-- CreateEnum
CREATE TYPE "RequirementStatus" AS ENUM ('draft', 'reviewing', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "LiaisonFormStatus" AS ENUM ('running', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "LiaisonStageStatus" AS ENUM ('waiting', 'allocating', 'working', 'done');

-- CreateTable
CREATE TABLE "WorkCalendarDay" (
    "day" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkCalendarDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "ProductRequirement" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerCode" TEXT NOT NULL,
    "categoryId" TEXT,
    "productId" TEXT,
    "extraParams" JSONB NOT NULL DEFAULT '[]',
    "quantity" INTEGER,
    "targetDate" DATE,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "RequirementStatus" NOT NULL DEFAULT 'draft',
    "reviewInstanceId" TEXT,
    "reviewNote" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiaisonForm" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "requirementId" TEXT,
    "opportunityId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "LiaisonFormStatus" NOT NULL DEFAULT 'running',
    "currentSeq" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LiaisonForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiaisonStage" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "departmentId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "deadlineDays" INTEGER,
    "deadlineDate" DATE,
    "status" "LiaisonStageStatus" NOT NULL DEFAULT 'waiting',
    "assigneeId" TEXT,
    "allocatedById" TEXT,
    "allocatedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "plannedFinishAt" TIMESTAMP(3),
    "actualFinishAt" TIMESTAMP(3),
    "result" TEXT,
    "instanceId" TEXT,
    "customerId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiaisonStage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductRequirement_code_key" ON "ProductRequirement"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ProductRequirement_reviewInstanceId_key" ON "ProductRequirement"("reviewInstanceId");

-- CreateIndex
CREATE INDEX "ProductRequirement_customerId_createdAt_idx" ON "ProductRequirement"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "ProductRequirement_opportunityId_idx" ON "ProductRequirement"("opportunityId");

-- CreateIndex
CREATE INDEX "ProductRequirement_categoryId_createdAt_idx" ON "ProductRequirement"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "ProductRequirement_status_createdAt_idx" ON "ProductRequirement"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProductRequirement_createdAt_idx" ON "ProductRequirement"("createdAt");

-- CreateIndex
CREATE INDEX "ProductRequirement_searchText_trgm_idx" ON "ProductRequirement" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonForm_code_key" ON "LiaisonForm"("code");

-- CreateIndex
CREATE INDEX "LiaisonForm_requirementId_idx" ON "LiaisonForm"("requirementId");

-- CreateIndex
CREATE INDEX "LiaisonForm_opportunityId_idx" ON "LiaisonForm"("opportunityId");

-- CreateIndex
CREATE INDEX "LiaisonForm_customerId_createdAt_idx" ON "LiaisonForm"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonStage_instanceId_key" ON "LiaisonStage"("instanceId");

-- CreateIndex
CREATE INDEX "LiaisonStage_formId_seq_idx" ON "LiaisonStage"("formId", "seq");

-- CreateIndex
CREATE INDEX "LiaisonStage_plannedFinishAt_id_idx" ON "LiaisonStage"("plannedFinishAt", "id");

-- CreateIndex
CREATE INDEX "LiaisonStage_departmentId_plannedFinishAt_idx" ON "LiaisonStage"("departmentId", "plannedFinishAt");

-- CreateIndex
CREATE INDEX "LiaisonStage_assigneeId_status_idx" ON "LiaisonStage"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "LiaisonStage_customerId_plannedFinishAt_idx" ON "LiaisonStage"("customerId", "plannedFinishAt");

-- CreateIndex
CREATE INDEX "LiaisonStage_opportunityId_plannedFinishAt_idx" ON "LiaisonStage"("opportunityId", "plannedFinishAt");

-- CreateIndex
CREATE INDEX "LiaisonStage_status_departmentId_idx" ON "LiaisonStage"("status", "departmentId");

-- AddForeignKey
ALTER TABLE "ProductRequirement" ADD CONSTRAINT "ProductRequirement_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductRequirement" ADD CONSTRAINT "ProductRequirement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductRequirement" ADD CONSTRAINT "ProductRequirement_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ProductCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductRequirement" ADD CONSTRAINT "ProductRequirement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonForm" ADD CONSTRAINT "LiaisonForm_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "ProductRequirement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonStage" ADD CONSTRAINT "LiaisonStage_formId_fkey" FOREIGN KEY ("formId") REFERENCES "LiaisonForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonStage" ADD CONSTRAINT "LiaisonStage_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Requirement and liaison form numbers (RQ000001, LF000001)
CREATE SEQUENCE "ProductRequirement_code_seq";
CREATE SEQUENCE "LiaisonForm_code_seq";

-- The working calendar's shipped overrides (lib/calendar/china-public-holidays.ts): 2026 official, 2027 estimated
INSERT INTO "WorkCalendarDay" ("day", "kind", "nameZh", "nameEn", "updatedAt") VALUES
    ('2026-01-01', 'holiday', '元旦', 'New Year''s Day', CURRENT_TIMESTAMP),
    ('2026-01-02', 'holiday', '元旦', 'New Year''s Day', CURRENT_TIMESTAMP),
    ('2026-01-03', 'holiday', '元旦', 'New Year''s Day', CURRENT_TIMESTAMP),
    ('2026-01-04', 'workday', '元旦调休上班', 'New Year make-up working day', CURRENT_TIMESTAMP),
    ('2026-02-14', 'workday', '春节调休上班', 'Spring Festival make-up working day', CURRENT_TIMESTAMP),
    ('2026-02-15', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-16', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-17', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-18', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-19', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-20', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-21', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-22', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-23', 'holiday', '春节', 'Spring Festival', CURRENT_TIMESTAMP),
    ('2026-02-28', 'workday', '春节调休上班', 'Spring Festival make-up working day', CURRENT_TIMESTAMP),
    ('2026-04-04', 'holiday', '清明节', 'Qingming Festival', CURRENT_TIMESTAMP),
    ('2026-04-05', 'holiday', '清明节', 'Qingming Festival', CURRENT_TIMESTAMP),
    ('2026-04-06', 'holiday', '清明节', 'Qingming Festival', CURRENT_TIMESTAMP),
    ('2026-05-01', 'holiday', '劳动节', 'Labour Day', CURRENT_TIMESTAMP),
    ('2026-05-02', 'holiday', '劳动节', 'Labour Day', CURRENT_TIMESTAMP),
    ('2026-05-03', 'holiday', '劳动节', 'Labour Day', CURRENT_TIMESTAMP),
    ('2026-05-04', 'holiday', '劳动节', 'Labour Day', CURRENT_TIMESTAMP),
    ('2026-05-05', 'holiday', '劳动节', 'Labour Day', CURRENT_TIMESTAMP),
    ('2026-05-09', 'workday', '劳动节调休上班', 'Labour Day make-up working day', CURRENT_TIMESTAMP),
    ('2026-06-19', 'holiday', '端午节', 'Dragon Boat Festival', CURRENT_TIMESTAMP),
    ('2026-06-20', 'holiday', '端午节', 'Dragon Boat Festival', CURRENT_TIMESTAMP),
    ('2026-06-21', 'holiday', '端午节', 'Dragon Boat Festival', CURRENT_TIMESTAMP),
    ('2026-09-20', 'workday', '国庆节调休上班', 'National Day make-up working day', CURRENT_TIMESTAMP),
    ('2026-09-25', 'holiday', '中秋节', 'Mid-Autumn Festival', CURRENT_TIMESTAMP),
    ('2026-09-26', 'holiday', '中秋节', 'Mid-Autumn Festival', CURRENT_TIMESTAMP),
    ('2026-09-27', 'holiday', '中秋节', 'Mid-Autumn Festival', CURRENT_TIMESTAMP),
    ('2026-10-01', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-02', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-03', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-04', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-05', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-06', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-07', 'holiday', '国庆节', 'National Day', CURRENT_TIMESTAMP),
    ('2026-10-10', 'workday', '国庆节调休上班', 'National Day make-up working day', CURRENT_TIMESTAMP),
    ('2027-01-01', 'holiday', '元旦（预估）', 'New Year''s Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-01-02', 'holiday', '元旦（预估）', 'New Year''s Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-01-03', 'holiday', '元旦（预估）', 'New Year''s Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-05', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-06', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-07', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-08', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-09', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-10', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-11', 'holiday', '春节（预估）', 'Spring Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-02-20', 'workday', '春节调休上班（预估）', 'Spring Festival make-up working day (estimate)', CURRENT_TIMESTAMP),
    ('2027-04-03', 'holiday', '清明节（预估）', 'Qingming Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-04-04', 'holiday', '清明节（预估）', 'Qingming Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-04-05', 'holiday', '清明节（预估）', 'Qingming Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-01', 'holiday', '劳动节（预估）', 'Labour Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-02', 'holiday', '劳动节（预估）', 'Labour Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-03', 'holiday', '劳动节（预估）', 'Labour Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-04', 'holiday', '劳动节（预估）', 'Labour Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-05', 'holiday', '劳动节（预估）', 'Labour Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-05-08', 'workday', '劳动节调休上班（预估）', 'Labour Day make-up working day (estimate)', CURRENT_TIMESTAMP),
    ('2027-06-09', 'holiday', '端午节（预估）', 'Dragon Boat Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-09-15', 'holiday', '中秋节（预估）', 'Mid-Autumn Festival (estimate)', CURRENT_TIMESTAMP),
    ('2027-09-26', 'workday', '国庆节调休上班（预估）', 'National Day make-up working day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-01', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-02', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-03', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-04', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-05', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-06', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-07', 'holiday', '国庆节（预估）', 'National Day (estimate)', CURRENT_TIMESTAMP),
    ('2027-10-09', 'workday', '国庆节调休上班（预估）', 'National Day make-up working day (estimate)', CURRENT_TIMESTAMP)
;
