import "server-only";
import { ErpError } from "../connector";
import { dateTime } from "./tryton-json";

// Incremental reads: what counts as changed, and page tokens (the last id handed
// out, opaque to the app).

export function encodePage(lastId: number): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString("base64url");
}

export function decodePage(token: string | null): number {
  if (!token) return 0;
  try {
    const after = (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown }).after;
    if (typeof after === "number" && Number.isInteger(after) && after >= 0) return after;
  } catch {
    // fall through
  }
  throw new ErpError("invalid page token for Tryton", false, { token });
}

/** Domain of records written after `since` through any of the given relations ("" = the record itself). */
export function changedSince(since: string | null, relations: string[]): unknown[] {
  if (!since) return [];
  const t = dateTime(since);
  const clauses = relations.flatMap((r) => [[`${r}write_date`, ">", t], [`${r}create_date`, ">", t]]);
  return ["OR", ...clauses];
}
