import "server-only";
import fs from "node:fs";
import path from "node:path";
import { SYSTEM } from "../auth/actor";
import type { Db } from "../db/client";
import { publishDefinition } from "./publish-definition";

/** Publishes processes/*.bpmn when new or changed since the last published version. */
export async function syncShippedProcesses(db: Db, dir = path.join(process.cwd(), "processes")) {
  const published: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".bpmn")).sort()) {
    const { definition, created } = await publishDefinition(db, SYSTEM, fs.readFileSync(path.join(dir, file), "utf8"), "shipped");
    if (created) published.push(`${definition.key}@${definition.version}`);
  }
  return published;
}
