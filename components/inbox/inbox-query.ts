import type { TaskQuery } from "@/lib/inbox/inbox.schema";

/** The inbox opens on "todo": what waits for me, mine and my groups' (the API's own default stays "mine"). */
export const INBOX_DEFAULT_VIEW: TaskQuery["view"] = "todo";

const QUERY_DEFAULTS: Omit<TaskQuery, "q" | "process" | "due"> = { view: INBOX_DEFAULT_VIEW, sort: "createdAt", dir: "desc", page: 1, size: 20 };

/** The inbox state lives in the URL; defaults are left out to keep links short. */
export function inboxSearch(q: Partial<TaskQuery>): string {
  const p = new URLSearchParams();
  if (q.view && q.view !== QUERY_DEFAULTS.view) p.set("view", q.view);
  if (q.q) p.set("q", q.q);
  if (q.process) p.set("process", q.process);
  if (q.due) p.set("due", q.due);
  if ((q.sort && q.sort !== QUERY_DEFAULTS.sort) || (q.dir && q.dir !== QUERY_DEFAULTS.dir)) {
    p.set("sort", q.sort ?? QUERY_DEFAULTS.sort);
    p.set("dir", q.dir ?? QUERY_DEFAULTS.dir);
  }
  if (q.page && q.page > 1) p.set("page", String(q.page));
  if (q.size && q.size !== QUERY_DEFAULTS.size) p.set("size", String(q.size));
  const s = p.toString();
  return s ? `?${s}` : "";
}
