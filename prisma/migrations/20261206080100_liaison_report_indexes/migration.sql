-- DropIndex
DROP INDEX "LiaisonStage_assigneeId_status_idx";

-- DropIndex
DROP INDEX "LiaisonStage_status_departmentId_idx";

-- CreateIndex
CREATE INDEX "LiaisonStage_status_assigneeId_plannedFinishAt_idx" ON "LiaisonStage"("status", "assigneeId", "plannedFinishAt");

-- CreateIndex
CREATE INDEX "LiaisonStage_status_departmentId_plannedFinishAt_idx" ON "LiaisonStage"("status", "departmentId", "plannedFinishAt");
