import { z } from "zod";
import { calendarDay, localDateTime } from "../errors/calendar";

/** "todo": what waits for me, assigned to me or unclaimed in my groups (where the inbox opens). */
export const TASK_VIEWS = ["todo", "mine", "group", "started", "done"] as const;
const TASK_SORTS = ["createdAt", "dueAt", "priority"] as const;

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

const id = z.string().uuid("validation.invalid_value");
const reason = z.string().trim().min(1, "validation.too_small").max(500, "validation.too_big");
const ymd = calendarDay();

/** What a saved filter keeps of the query: everything but the page. */
export const savedQuery = taskQuery.omit({ page: true });
export type SavedQuery = z.infer<typeof savedQuery>;

export const saveFilterInput = z.object({
  name: z.string().trim().min(1, "validation.too_small").max(60, "validation.too_big"),
  sharedGroupKey: z.string().trim().max(60).optional().transform((v) => v || null),
  query: z.record(z.string(), z.unknown()),
});
export type SaveFilterInput = z.input<typeof saveFilterInput>;

export const idInput = z.object({ id });
export const taskIdInput = z.object({ taskId: id });

export const submitTaskInput = z.object({ taskId: id, data: z.record(z.string(), z.unknown()) });

export const assignTaskInput = z.object({
  taskId: id,
  toEmployeeId: id,
  reason,
  mode: z.enum(["delegate", "reassign"]),
});

export const commentInput = z.object({ taskId: id, body: z.string().trim().min(1, "validation.too_small").max(4000, "validation.too_big") });

/** A local date and time as an <input type="datetime-local"> sends it, read in the company's zone. */
export const setDueInput = z.object({
  taskId: id,
  dueAt: localDateTime(),
});

export const startProcessInput = z.object({
  key: z.string().trim().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
  /** The form's submission token (lib/workflow/start-by-hand.ts). */
  startKey: z.string().uuid().optional(),
});

export const substitutionInput = z.object({
  substituteId: id,
  startsOn: ymd,
  endsOn: ymd,
  reason: z.string().trim().max(500, "validation.too_big").optional().transform((v) => v || null),
});
