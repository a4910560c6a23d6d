import "server-only";
import fs from "node:fs";
import path from "node:path";
import { SYSTEM } from "../auth/actor";
import type { Db } from "../db/client";
import { publishFormVersion } from "./form-store";
import { publishDefinition } from "./publish-definition";

/**
 * Publishes the shipped forms (processes/forms/*.form, form-js schemas with their
 * titles) and then the shipped processes (processes/*.bpmn), each when new or changed
 * since it was last shipped; the processes pin the forms' versions.
 */
export async function syncShippedProcesses(db: Db, dir = path.join(process.cwd(), "processes")) {
  const published = await syncShippedForms(db, dir);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".bpmn")).sort()) {
    const { definition, created } = await publishDefinition(db, SYSTEM, fs.readFileSync(path.join(dir, file), "utf8"), "shipped");
    if (created) published.push(`${definition.key}@${definition.version}`);
  }
  return published;
}

/** Publishes processes/forms/*.form when new or changed since last shipped. */
export async function syncShippedForms(db: Db, dir = path.join(process.cwd(), "processes")) {
  const published: string[] = [];
  const formsDir = path.join(dir, "forms");
  const formFiles = fs.existsSync(formsDir) ? fs.readdirSync(formsDir).filter((f) => f.endsWith(".form")).sort() : [];
  for (const file of formFiles) {
    const { titleZh, titleEn, ...schema } = JSON.parse(fs.readFileSync(path.join(formsDir, file), "utf8")) as { titleZh: string; titleEn: string; id?: string };
    const key = schema.id ?? path.basename(file, ".form");
    const r = await db.$transaction((tx) => publishFormVersion(tx, SYSTEM, { key, titleZh, titleEn, schema, source: "shipped" }));
    if (r.created) published.push(`form ${key}@${r.version}`);
  }
  return published;
}
