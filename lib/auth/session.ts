import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Actor } from "./actor";
import { loadSessionActor } from "./load-actor";
import { authOptions } from "./options";

type SessionShape = { realm?: "employee" | "supplier"; userId?: string; sessionVersion?: number; sid?: string } | null;

/**
 * The signed-in actor, reloaded from the database on every request so that a
 * deactivated account, a changed role, a sign-out or a new password takes
 * effect at once (the session must not be revoked, and its version must still be the account's).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionShape;
  if (!session) return null;
  return loadSessionActor({ realm: session.realm, userId: session.userId, sessionVersion: session.sessionVersion, sid: session.sid });
});
