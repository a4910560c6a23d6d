import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Actor } from "./actor";
import { loadSessionActor } from "./load-actor";
import { authOptions } from "./options";
import { refuseWhilePasswordChangeDue } from "./permissions";

type SessionShape = { realm?: "employee" | "supplier"; userId?: string; sessionVersion?: number; sid?: string } | null;

/**
 * The session's actor as it is, reloaded from the database on every request so that a
 * deactivated account, a changed role, a sign-out or a new password takes
 * effect at once (the session must not be revoked, and its version must still be the account's).
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as SessionShape;
  if (!session) return null;
  return loadSessionActor({ realm: session.realm, userId: session.userId, sessionVersion: session.sessionVersion, sid: session.sid });
});

/**
 * The signed-in actor for anything that reads or changes data (actions, API routes,
 * downloads): a portal user who still has to replace a password someone else chose is
 * refused here (AppError "password_change_required"), whatever the entry point. Only
 * the guards and the password change itself look at sessionActor directly.
 */
export async function currentActor(): Promise<Actor | null> {
  return refuseWhilePasswordChangeDue(await sessionActor());
}
