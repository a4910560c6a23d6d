import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { assertMayEditContract, visibleContract } from "./contract-scope";
import { withAmounts } from "./contract-template";
import { contractTermsInputSchema, type ContractTermsInput } from "./contract.schema";
import { headerOf } from "./create-contract";

/**
 * Changed terms become the contract's next version (the earlier ones stay, for the diff).
 * A draft is edited freely; an approved contract goes back to draft (its approval was for
 * other terms); one in review, signed or cancelled refuses. A foreign contract names an
 * Incoterms rule and place. `expectedVersion` refuses an edit made on stale terms.
 */
export async function reviseContract(db: Db, who: Actor | null, id: string, raw: ContractTermsInput & { note?: string | null; expectedVersion?: number }) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(contractTermsInputSchema, raw);
  const c = await visibleContract(db, actor, id, { customer: { select: { ownerId: true, teamId: true } } });
  await assertMayEditContract(db, actor, c);
  if (c.template === "foreign" && (!input.incoterm || !input.incotermPlace)) throw new AppError("validation", { fieldErrors: { incoterm: "validation.incoterm_required" } });
  if (c.template === "domestic" && input.currencyCode !== "CNY") throw new AppError("validation", { fieldErrors: { currencyCode: "validation.domestic_currency" } });
  const terms = withAmounts(c.template === "domestic" ? { ...input, incoterm: null, incotermPlace: null } : input);
  const note = typeof raw.note === "string" ? raw.note.trim().slice(0, 500) || null : null;
  return db.$transaction(async (tx) => {
    const version = c.currentVersion + 1;
    const changed = await tx.salesContract.updateMany({
      where: { id, status: { in: ["draft", "approved"] }, currentVersion: raw.expectedVersion ?? c.currentVersion },
      data: { ...headerOf(terms), currentVersion: version, status: "draft", approvedAt: null },
    });
    if (!changed.count) {
      const now = await tx.salesContract.findUniqueOrThrow({ where: { id }, select: { status: true } });
      throw new AppError(now.status === "draft" || now.status === "approved" ? "conflict" : "contract_state");
    }
    await tx.salesContractVersion.create({ data: { contractId: id, version, terms: terms as object, note, createdById: actor.id } });
    await writeAudit(tx, actor, { action: "sales_contract.revise", entity: "SalesContract", entityId: id, before: { version: c.currentVersion, status: c.status }, after: { version, total: terms.total, note } });
    return { version };
  });
}
