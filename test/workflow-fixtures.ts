import fs from "node:fs";
import path from "node:path";
import { SYSTEM } from "@/lib/auth/actor";
import { loadEmployeeActor, loadSupplierActor } from "@/lib/auth/load-actor";
import type { Db } from "@/lib/db/client";
import { compileFormJs, formJsSchema } from "@/lib/workflow/form-js";
import { publishFormVersion } from "@/lib/workflow/form-store";
import type { FormDefinition } from "@/lib/workflow/forms";

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

/** One user task, 来料检验, offered to the quality group. */
export function qualityTaskFlow(key: string) {
  return bpmn(
    key,
    `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="t"/>
  <bpmn:userTask id="t" name="来料检验" ff:candidateGroups="quality"/>
  <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>`,
  );
}

/** Two group tasks at once: 询价 for purchasing and 来料检验 for quality. */
export function twoGroupTasksFlow(key: string) {
  return bpmn(
    key,
    `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
  <bpmn:parallelGateway id="g"/>
  <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="buy"/><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="qc"/>
  <bpmn:userTask id="buy" name="询价" ff:candidateGroups="purchasing"/>
  <bpmn:userTask id="qc" name="来料检验" ff:candidateGroups="quality"/>
  <bpmn:sequenceFlow id="f3" sourceRef="buy" targetRef="e1"/><bpmn:endEvent id="e1"/>
  <bpmn:sequenceFlow id="f4" sourceRef="qc" targetRef="e2"/><bpmn:endEvent id="e2"/>`,
  );
}

/** A calendar day in the factory's time zone (YYYY-MM-DD), as the date inputs send it. */
export const shanghaiDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

/** A shipped form (processes/forms/<key>.form) as the runtime compiles it. */
export function shippedForm(key: string): FormDefinition {
  const { titleZh, titleEn, ...schema } = JSON.parse(fs.readFileSync(path.join("processes", "forms", `${key}.form`), "utf8"));
  return compileFormJs(key, titleZh, titleEn, schema);
}

/** Publishes a form written in code for a test, as the designer would store it. */
export async function publishTestForm(db: Db, def: FormDefinition) {
  return db.$transaction((tx) => publishFormVersion(tx, SYSTEM, { key: def.key, titleZh: def.titleZh, titleEn: def.titleEn, schema: formJsSchema(def), source: "editor" }));
}
