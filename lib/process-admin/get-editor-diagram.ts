import "server-only";
import { randomBytes } from "node:crypto";
import type { EmployeeActor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import type { Db } from "../db/client";
import { newDiagramXml } from "./process-key";

export type EditorDiagram = {
  key: string | null;
  xml: string;
  /** Where the XML came from: the pending draft, the latest published version, or a blank diagram. */
  origin: "draft" | "published" | "new";
  latestVersion: number | null;
  draftUpdatedAt: Date | null;
};

/** What the editor opens for a key: the draft when one is pending, else the latest version. Null when neither exists. */
export async function getEditorDiagram(db: Db, actor: EmployeeActor, key: string | null, newName = "新流程"): Promise<EditorDiagram | null> {
  requirePermission(actor, "process.design");
  if (!key) {
    const fresh = `process_${randomBytes(3).toString("hex")}`;
    return { key: null, xml: newDiagramXml(fresh, newName), origin: "new", latestVersion: null, draftUpdatedAt: null };
  }
  const [draft, latest] = await Promise.all([
    db.processDraft.findUnique({ where: { key } }),
    db.processDefinition.findFirst({ where: { key, status: "published" }, orderBy: { version: "desc" }, select: { xml: true, version: true } }),
  ]);
  if (draft) return { key, xml: draft.xml, origin: "draft", latestVersion: latest?.version ?? null, draftUpdatedAt: draft.updatedAt };
  if (latest) return { key, xml: latest.xml, origin: "published", latestVersion: latest.version, draftUpdatedAt: null };
  return null;
}
