import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { cleanText } from "../errors/parse-input";
import { SYSTEM } from "./actor";
import { dummyHash, verifyPassword } from "./password";
import { loginThrottle } from "./throttle";

export type RealmName = "employee" | "supplier";

export interface SignInInput {
  realm: RealmName;
  username: string;
  password: string;
  ip: string;
}

/**
 * Checks credentials for one realm. The password is verified before anything
 * about the account is revealed; failures count against account and address.
 * The session version is read with the password hash, so a password changed
 * while this check runs ends the session it starts.
 */
export async function signIn(db: Db, input: SignInInput): Promise<{ id: string; sessionVersion: number }> {
  const username = cleanText(input.username).trim().toLowerCase();
  const accountKey = `${input.realm}:${username}`;
  const throttle = loginThrottle(db);
  await throttle.assertAllowed(accountKey, input.ip);

  const account = await findAccount(db, input.realm, username);

  const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash()), input.password);
  if (!account || !ok) {
    await throttle.recordFailure(accountKey, input.ip);
    await db.$transaction((tx) =>
      writeAudit(tx, SYSTEM, {
        action: "auth.sign_in_failed",
        entity: input.realm === "employee" ? "Employee" : "SupplierUser",
        entityId: account?.id ?? null,
        after: { username, ip: input.ip },
      }),
    );
    throw new AppError("invalid_credentials");
  }
  // Only now, the password proven: a portal account the re-review created stays closed until the
  // supplier is approved; its user is told that, not that it was switched off.
  if (account.awaitingApproval) throw new AppError("account_pending");
  if (!account.active || account.supplierSuspended) throw new AppError("account_inactive");

  await throttle.recordSuccess(accountKey);
  await db.$transaction((tx) =>
    writeAudit(tx, { realm: input.realm, id: account.id, supplierId: account.supplierId }, {
      action: "auth.sign_in",
      entity: input.realm === "employee" ? "Employee" : "SupplierUser",
      entityId: account.id,
      after: { ip: input.ip },
    }),
  );
  return { id: account.id, sessionVersion: account.sessionVersion };
}

type Account = { id: string; active: boolean; passwordHash: string; sessionVersion: number; supplierId?: string; supplierSuspended: boolean; awaitingApproval: boolean };

async function findAccount(db: Db, realm: RealmName, username: string): Promise<Account | null> {
  if (realm === "employee") {
    const e = await db.employee.findUnique({ where: { username }, select: { id: true, active: true, passwordHash: true, sessionVersion: true } });
    return e && { ...e, supplierSuspended: false, awaitingApproval: false };
  }
  const u = await db.supplierUser.findUnique({
    where: { username },
    select: { id: true, supplierId: true, active: true, passwordHash: true, sessionVersion: true, supplier: { select: { status: true } } },
  });
  if (!u) return null;
  const { status } = u.supplier;
  return {
    id: u.id,
    active: u.active,
    passwordHash: u.passwordHash,
    sessionVersion: u.sessionVersion,
    supplierId: u.supplierId,
    supplierSuspended: status === "suspended",
    // A closed account of a supplier not yet approved (registered or potential): its review decides.
    awaitingApproval: !u.active && (status === "registered" || status === "potential"),
  };
}
