import "server-only";
import { getDb, type Db } from "../db/client";
import type { Actor, EmployeeActor, SupplierActor } from "./actor";

/**
 * Loads the actor. With `sessionVersion` (a session token's), an account whose
 * version has moved on since (sign-out, new password) resolves to nobody, as a
 * deactivated one does.
 */
export async function loadEmployeeActor(id: string, db?: Db, sessionVersion?: number): Promise<EmployeeActor | null> {
  db ??= await getDb();
  const e = await db.employee.findUnique({
    where: { id },
    include: {
      roles: { include: { role: { select: { key: true } } } },
      groups: { where: { group: { active: true } }, include: { group: { select: { key: true } } } },
    },
  });
  if (!e || !e.active) return null;
  if (sessionVersion !== undefined && e.sessionVersion !== sessionVersion) return null;
  return {
    realm: "employee",
    id: e.id,
    username: e.username,
    name: e.name,
    departmentId: e.departmentId,
    roles: e.roles.map((r) => r.role.key),
    groups: e.groups.map((g) => g.group.key),
  };
}

export async function loadSupplierActor(id: string, db?: Db, sessionVersion?: number): Promise<SupplierActor | null> {
  db ??= await getDb();
  const u = await db.supplierUser.findUnique({ where: { id }, include: { supplier: true } });
  if (!u || !u.active || u.supplier.status === "suspended") return null;
  if (sessionVersion !== undefined && u.sessionVersion !== sessionVersion) return null;
  return {
    realm: "supplier",
    id: u.id,
    username: u.username,
    name: u.name,
    supplierId: u.supplierId,
    supplierName: u.supplier.name,
    isAdmin: u.isAdmin,
    mustChangePassword: u.mustChangePassword,
  };
}

/** What a session token claims: realm, account id, the account's session version at sign-in, the session's id. */
export type SessionClaims = { realm?: unknown; userId?: unknown; sessionVersion?: unknown; sid?: unknown };

/**
 * The actor of a session token. A token without a version or session id (issued
 * before they existed) is refused like a stale one, as is a session signed out
 * (revoked): its holder signs in again.
 */
export async function loadSessionActor(claims: SessionClaims, db?: Db): Promise<Actor | null> {
  const { realm, userId, sessionVersion, sid } = claims;
  if (typeof userId !== "string" || !userId || !Number.isInteger(sessionVersion) || typeof sid !== "string" || !sid) return null;
  if (realm !== "employee" && realm !== "supplier") return null;
  db ??= await getDb();
  const [actor, revoked] = await Promise.all([
    realm === "employee" ? loadEmployeeActor(userId, db, sessionVersion as number) : loadSupplierActor(userId, db, sessionVersion as number),
    db.revokedSession.findUnique({ where: { sid }, select: { sid: true } }),
  ]);
  return revoked ? null : actor;
}
