import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseInput } from "../errors/parse-input";
import type { SupplierActor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { passwordChangeInput } from "./password-change.schema";
import { passwordProblem, passwordProblemCode } from "./password-rules";
import { requireSupplierSession } from "./permissions";

/**
 * A portal user replaces their password (SRM-10), also while a change is due: the
 * current one proves it is them, the new one follows the rules. The account's session
 * version moves on in the same transaction as the audit row, so every other session
 * ends; the caller re-issues this session's token with the returned version.
 */
export async function changeOwnPassword(db: Db, who: SupplierActor, raw: unknown): Promise<{ sessionVersion: number }> {
  const actor = requireSupplierSession(who);
  const input = parseInput(passwordChangeInput, raw);
  const row = await db.supplierUser.findUnique({ where: { id: actor.id }, select: { username: true, passwordHash: true, sessionVersion: true, mustChangePassword: true } });
  if (!row) throw new AppError("not_found");

  const fieldErrors: Record<string, string> = {};
  const currentOk = await verifyPassword(row.passwordHash, input.currentPassword);
  if (!currentOk) fieldErrors.currentPassword = "portalAccount.password.currentWrong";
  const problem = passwordProblem(input.newPassword, { username: row.username, current: currentOk ? input.currentPassword : undefined });
  if (problem) fieldErrors.newPassword = passwordProblemCode(problem);
  else if (input.repeatPassword !== input.newPassword) fieldErrors.repeatPassword = "portalAccount.password.repeatMismatch";
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });

  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the version just checked: a reset or another change meanwhile wins, this one is refused.
    const { count } = await tx.supplierUser.updateMany({
      where: { id: actor.id, sessionVersion: row.sessionVersion, active: true },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict");
    await writeAudit(tx, actor, {
      action: "supplier_user.password_change",
      entity: "SupplierUser",
      entityId: actor.id,
      before: { mustChangePassword: row.mustChangePassword },
      after: { passwordChanged: true, mustChangePassword: false },
    });
    return { sessionVersion: row.sessionVersion + 1 };
  });
}
