import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { SessionClaims } from "./load-actor";
import { SESSION_MAX_AGE_S } from "./session-age";

/**
 * Sign-out, from next-auth's signOut event with the decoded token. The token is
 * signed, not stored, and would stay valid for hours: the server records its session
 * id as revoked (until the token would have expired anyway), so this session ends
 * and the account's other sessions (another device) go on. A new password ends them
 * all (the account's session version). Only a token still in force does this, once;
 * returns whether a session was ended.
 */
export async function endSession(db: Db, claims: SessionClaims & { exp?: unknown }): Promise<boolean> {
  const { realm, userId, sid } = claims;
  if ((realm !== "employee" && realm !== "supplier") || typeof userId !== "string" || typeof sid !== "string" || !sid) return false;
  const expiresAt = typeof claims.exp === "number" ? new Date(claims.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
  return db.$transaction(async (tx) => {
    const account =
      realm === "employee"
        ? await tx.employee.findUnique({ where: { id: userId }, select: { id: true } })
        : await tx.supplierUser.findUnique({ where: { id: userId }, select: { id: true, supplierId: true } });
    if (!account) return false;
    const { count } = await tx.revokedSession.createMany({ data: [{ sid, expiresAt }], skipDuplicates: true });
    if (count === 0) return false;
    // Revocations of tokens that have expired by themselves protect nothing any more.
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    const supplierId = "supplierId" in account ? String(account.supplierId) : undefined;
    await writeAudit(tx, { realm, id: userId, supplierId }, { action: "auth.sign_out", entity: realm === "employee" ? "Employee" : "SupplierUser", entityId: userId });
    return true;
  });
}
