import "server-only";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { cachedContext, loadContext } from "./engine-context";

/** The latest published version of a process key. */
export async function latestDefinition(tx: Tx, key: string) {
  const def = await tx.processDefinition.findFirst({ where: { key, status: "published" }, orderBy: { version: "desc" } });
  if (!def) throw new AppError("process_not_found", { params: { key } });
  return def;
}

/** Engine context of the definition an instance is pinned to (published versions never change, so a cached one is current). */
export async function instanceContext(tx: Tx, definitionId: string) {
  const cached = cachedContext(definitionId);
  if (cached) return cached;
  const def = await tx.processDefinition.findUniqueOrThrow({ where: { id: definitionId }, select: { id: true, context: true } });
  return loadContext(def.id, def.context);
}

export const TX_OPTIONS = { timeout: 20_000, maxWait: 15_000 } as const;
