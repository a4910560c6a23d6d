-- CreateEnum
CREATE TYPE "DefinitionStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "InstanceStatus" AS ENUM ('running', 'completed', 'cancelled', 'incident');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "ProcessDefinition" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "context" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "DefinitionStatus" NOT NULL DEFAULT 'published',
    "source" TEXT NOT NULL DEFAULT 'editor',
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessInstance" (
    "id" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "businessKey" TEXT,
    "recordType" TEXT,
    "recordId" TEXT,
    "supplierId" TEXT,
    "status" "InstanceStatus" NOT NULL DEFAULT 'running',
    "state" JSONB NOT NULL,
    "variables" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "startedBy" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "incident" TEXT,

    CONSTRAINT "ProcessInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "assigneeId" TEXT,
    "candidateGroups" TEXT[],
    "candidateSupplierId" TEXT,
    "formKey" TEXT,
    "dueAt" TIMESTAMP(3),
    "priority" INTEGER NOT NULL DEFAULT 50,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "completedById" TEXT,
    "completedAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "substituteFor" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstanceEvent" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "elementId" TEXT,
    "taskId" TEXT,
    "actorId" TEXT,
    "data" JSONB,

    CONSTRAINT "InstanceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "instanceId" TEXT,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "JobStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskComment" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "taskId" TEXT,
    "authorRealm" "Realm" NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "sharedGroupKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Substitution" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "substituteId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Substitution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipientRealm" "Realm" NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSubscription" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "messageName" TEXT NOT NULL,
    "businessKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationLedger" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "instanceId" TEXT,
    "businessKey" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProcessDefinition_key_version_key" ON "ProcessDefinition"("key", "version");

-- CreateIndex
CREATE INDEX "ProcessInstance_definitionId_status_idx" ON "ProcessInstance"("definitionId", "status");

-- CreateIndex
CREATE INDEX "ProcessInstance_businessKey_idx" ON "ProcessInstance"("businessKey");

-- CreateIndex
CREATE INDEX "ProcessInstance_recordType_recordId_idx" ON "ProcessInstance"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "ProcessInstance_startedBy_idx" ON "ProcessInstance"("startedBy");

-- CreateIndex
CREATE UNIQUE INDEX "Task_executionId_key" ON "Task"("executionId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_createdAt_idx" ON "Task"("assigneeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Task_status_createdAt_idx" ON "Task"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Task_candidateSupplierId_status_idx" ON "Task"("candidateSupplierId", "status");

-- CreateIndex
CREATE INDEX "Task_instanceId_idx" ON "Task"("instanceId");

-- CreateIndex
CREATE INDEX "Task_candidateGroups_idx" ON "Task" USING GIN ("candidateGroups");

-- CreateIndex
CREATE INDEX "InstanceEvent_instanceId_at_idx" ON "InstanceEvent"("instanceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Job_idempotencyKey_key" ON "Job"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_instanceId_idx" ON "Job"("instanceId");

-- CreateIndex
CREATE INDEX "TaskComment_instanceId_createdAt_idx" ON "TaskComment"("instanceId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedFilter_ownerId_idx" ON "SavedFilter"("ownerId");

-- CreateIndex
CREATE INDEX "SavedFilter_sharedGroupKey_idx" ON "SavedFilter"("sharedGroupKey");

-- CreateIndex
CREATE INDEX "Substitution_employeeId_active_idx" ON "Substitution"("employeeId", "active");

-- CreateIndex
CREATE INDEX "Notification_recipientRealm_recipientId_readAt_idx" ON "Notification"("recipientRealm", "recipientId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventSubscription_executionId_key" ON "EventSubscription"("executionId");

-- CreateIndex
CREATE INDEX "EventSubscription_messageName_businessKey_idx" ON "EventSubscription"("messageName", "businessKey");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationLedger_idempotencyKey_key" ON "IntegrationLedger"("idempotencyKey");

-- CreateIndex
CREATE INDEX "IntegrationLedger_handler_createdAt_idx" ON "IntegrationLedger"("handler", "createdAt");

-- AddForeignKey
ALTER TABLE "ProcessInstance" ADD CONSTRAINT "ProcessInstance_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "ProcessDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProcessInstance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstanceEvent" ADD CONSTRAINT "InstanceEvent_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProcessInstance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSubscription" ADD CONSTRAINT "EventSubscription_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "ProcessInstance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
