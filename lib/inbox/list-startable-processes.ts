import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { FormDefinition } from "../workflow/forms";
import { startForm } from "../workflow/start-form";
import { clientForm } from "./client-form";

export type StartableProcess = { key: string; name: string; version: number; form: FormDefinition };

/** The latest published version of every process whose start event names a registered form. */
export async function listStartableProcesses(db: Db): Promise<StartableProcess[]> {
  const defs = await db.processDefinition.findMany({
    where: { status: "published" },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    distinct: ["key"],
    select: { key: true, name: true, version: true, context: true },
  });
  return defs.flatMap((d) => {
    const form = startForm(d.context);
    return form ? [{ key: d.key, name: d.name, version: d.version, form: clientForm(form) }] : [];
  });
}

/** One startable process; a key without a published version or start form is not_found. */
export async function getStartableProcess(db: Db, key: string): Promise<StartableProcess> {
  const def = await db.processDefinition.findFirst({
    where: { key, status: "published" },
    orderBy: { version: "desc" },
    select: { key: true, name: true, version: true, context: true },
  });
  const form = def ? startForm(def.context) : null;
  if (!def || !form) throw new AppError("not_found");
  return { key: def.key, name: def.name, version: def.version, form: clientForm(form) };
}
