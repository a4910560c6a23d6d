import { loadEmployeeActor } from "@/lib/auth/load-actor";
import { seedDemo } from "@/lib/demo/seed";
import { syncShippedProcesses } from "@/lib/workflow/sync-shipped-processes";
import { freshDb, type TestDbKind } from "../db";

/** A fresh database with the shipped flows and the demo company (admin, buyers, warehouse, S001/S002). */
export async function erpTestDb(kind: TestDbKind) {
  const opened = await freshDb(kind);
  await syncShippedProcesses(opened.db);
  await seedDemo(opened.db);
  const actor = async (username: string) => (await loadEmployeeActor((await opened.db.employee.findUniqueOrThrow({ where: { username } })).id, opened.db))!;
  return { ...opened, actor };
}
