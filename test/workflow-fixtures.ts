import { loadEmployeeActor, loadSupplierActor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/client";

export const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ff="http://factory-flow.dev/schema/bpmn" id="Defs" targetNamespace="http://factory-flow.dev/test">`;

/** A BPMN document around a process body (no diagram: the runtime does not need one). */
export function bpmn(id: string, body: string, extra = "") {
  return `${HEAD}${extra}<bpmn:process id="${id}" name="${id}" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

export async function employee(db: Db, username: string) {
  const e = await db.employee.findUniqueOrThrow({ where: { username } });
  return (await loadEmployeeActor(e.id, db))!;
}

export async function supplierUser(db: Db, username: string) {
  const u = await db.supplierUser.findUniqueOrThrow({ where: { username } });
  return (await loadSupplierActor(u.id, db))!;
}

export async function openTasks(db: Db, instanceId: string) {
  return db.task.findMany({ where: { instanceId, status: "open" }, orderBy: { createdAt: "asc" } });
}
