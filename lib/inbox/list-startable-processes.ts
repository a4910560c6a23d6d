import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db } from "../db/client";
import type { FormDefinition } from "../workflow/forms";
import { startForm } from "../workflow/start-form";
import { mayStart, startPolicy } from "../workflow/start-policy";
import { clientForm } from "./client-form";

export type StartableProcess = { key: string; name: string; version: number; form: FormDefinition };

/**
 * The processes this employee may start by hand: the latest published version of
 * every process that names him among its starters and has a start form. The same
 * rule refuses anything else in lib/workflow/start-by-hand.ts.
 */
export async function listStartableProcesses(db: Db, actor: EmployeeActor): Promise<StartableProcess[]> {
  const defs = await db.processDefinition.findMany({
    where: { status: "published" },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    distinct: ["key"],
    select: { id: true, key: true, name: true, version: true, context: true },
  });
  const startable = await Promise.all(
    defs.map(async (d) => {
      if (!mayStart(actor, startPolicy(d.context))) return [];
      const form = await startForm(db, d);
      return form ? [{ key: d.key, name: d.name, version: d.version, form: clientForm(form) }] : [];
    }),
  );
  return startable.flat();
}
