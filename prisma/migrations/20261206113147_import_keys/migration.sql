-- CreateTable
CREATE TABLE "ImportKey" (
    "runId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "existing" JSONB,

    CONSTRAINT "ImportKey_pkey" PRIMARY KEY ("runId","key","rowNumber")
);

-- AddForeignKey
ALTER TABLE "ImportKey" ADD CONSTRAINT "ImportKey_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
