-- The inbox's group view (open, unclaimed tasks offered to any of the user's
-- groups) and its capped count: a GIN index over just those tasks, so a lookup
-- touches only open unclaimed rows, not every task the groups ever had.
-- Partial indexes are a Prisma preview feature ("partialIndexes"). Without it
-- the schema engine leaves this index alone when diffing, so schema.prisma
-- mentions it in a comment only (see the Task model). No semicolons in these
-- comments: the PostgreSQL adapter splits the script at them.
CREATE INDEX "Task_open_unassigned_candidateGroups_idx" ON "Task" USING GIN ("candidateGroups") WHERE ("status" = 'open' AND "assigneeId" IS NULL);
