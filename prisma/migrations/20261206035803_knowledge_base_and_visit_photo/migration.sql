-- AlterTable
ALTER TABLE "CustomerLog" ADD COLUMN     "accuracy" DOUBLE PRECISION,
ADD COLUMN     "photoFileId" TEXT;

-- CreateTable
CREATE TABLE "KnowledgeCategory" (
    "id" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeCategory_nameZh_key" ON "KnowledgeCategory"("nameZh");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_categoryId_updatedAt_idx" ON "KnowledgeArticle"("categoryId", "updatedAt");

-- CreateIndex
-- The knowledge search reads the folded title and body through pg_trgm (created with the
-- Customer nameKey index): no Chinese segmenter is needed, and PGlite behaves the same.
CREATE INDEX "KnowledgeArticle_searchText_trgm_idx" ON "KnowledgeArticle" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "KnowledgeCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
