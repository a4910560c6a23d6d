import { z } from "zod";

export const TASK_VIEWS = ["mine", "group", "started", "done"] as const;
export const TASK_SORTS = ["createdAt", "dueAt", "priority"] as const;

/** The inbox query, also what a saved filter stores. Bad values fall back to defaults. */
export const taskQuery = z.object({
  view: z.enum(TASK_VIEWS).catch("mine"),
  q: z.string().trim().max(100).optional().catch(undefined),
  process: z.string().trim().max(100).optional().catch(undefined),
  due: z.enum(["overdue", "soon", "ontime"]).optional().catch(undefined),
  sort: z.enum(TASK_SORTS).catch("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce.number().int().min(5).max(100).catch(20),
});

export type TaskQuery = z.infer<typeof taskQuery>;
