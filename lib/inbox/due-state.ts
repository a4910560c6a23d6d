/** Tasks due within this window count as "due soon". */
export const DUE_SOON_MS = 24 * 3600_000;

export type DueState = "overdue" | "soon" | "ontime" | "none";

export function dueStateOf(dueAt: Date | null, at: Date): DueState {
  if (!dueAt) return "none";
  if (dueAt.getTime() < at.getTime()) return "overdue";
  return dueAt.getTime() - at.getTime() < DUE_SOON_MS ? "soon" : "ontime";
}
