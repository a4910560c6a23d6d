-- CreateIndex
CREATE INDEX "Task_completedById_status_createdAt_idx" ON "Task"("completedById", "status", "createdAt");
