import "server-only";
import type { Db } from "../db/client";

export type ProcessOption = { key: string; name: string };

/** The processes with a published version, for the inbox's process filter. */
export async function listProcessOptions(db: Db): Promise<ProcessOption[]> {
  const rows = await db.processDefinition.findMany({
    where: { status: "published" },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    distinct: ["key"],
    select: { key: true, name: true },
  });
  return rows.map((r) => ({ key: r.key, name: r.name }));
}
