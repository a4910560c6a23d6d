import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Actor } from "./actor";
import { loadEmployeeActor, loadSupplierActor } from "./load-actor";
import { authOptions } from "./options";

type SessionShape = { realm?: "employee" | "supplier"; userId?: string } | null;

/**
 * The signed-in actor, reloaded from the database on every request so that a
 * deactivated account or a changed role takes effect at once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionShape;
  if (!session?.userId || !session.realm) return null;
  return session.realm === "employee" ? loadEmployeeActor(session.userId) : loadSupplierActor(session.userId);
});
