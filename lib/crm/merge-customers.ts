import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { parseInput } from "../errors/parse-input";
import { customerNameFields } from "../names/customer-name-fields";
import { now } from "../workflow/clock";
import { countFollowers, moveFollowers } from "./customer-merge-followers";
import { chosenSides, mergePair, refuse } from "./customer-merge-pair";
import { MERGE_FIELDS, mergeInput, type MergeInput } from "./customer-merge.schema";

const STAGE_RANK = { inactive: 0, prospect: 1, customer: 2 } as const;
const customValues = (v: Prisma.JsonValue) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});

/**
 * Merges one customer into another (CRM-2), in one transaction: both rows locked and
 * checked again (a change since the preview refuses), the merged one's unique credit
 * code and ERP id freed, its contacts (one per phone number), contact logs, processes and
 * earlier merged customers moved, the survivor given the chosen values, its last contact
 * recomputed, and the merged one kept, marked as merged into the survivor, so its links
 * and history lead there. Audited on both with the codes, the choices and what moved.
 */
export async function mergeCustomers(db: Db, who: Actor | null, raw: MergeInput) {
  const actor = requirePermission(who, "customer.assign");
  const input = parseInput(mergeInput, raw);
  return db.$transaction(async (tx) => {
    if (/^[0-9a-f-]{36}$/i.test(input.survivorId) && /^[0-9a-f-]{36}$/i.test(input.otherId)) {
      await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE id IN (${input.survivorId}, ${input.otherId}) ORDER BY id FOR UPDATE`;
    }
    const { survivor, other } = await mergePair(tx, actor, input.survivorId, input.otherId);
    if (survivor.updatedAt.getTime() !== input.seen.survivor.getTime() || other.updatedAt.getTime() !== input.seen.other.getTime()) throw refuse("stale");
    const sides = chosenSides(survivor, other, input.choices);
    const pick = <F extends (typeof MERGE_FIELDS)[number]>(f: F) => (sides[f] === "survivor" ? survivor : other)[f];
    const owner = sides.ownerId === "survivor" ? survivor : other;
    const counts = await countFollowers(tx, other.id, survivor.id);

    // The merged customer lets go of its unique columns before the survivor may take them.
    await tx.customer.update({ where: { id: other.id }, data: { mergedIntoId: survivor.id, mergedAt: now(), creditCode: null, erpId: null } });
    await moveFollowers(tx, other, survivor);
    // Every address moves to the survivor; the primary one is on the side whose address was chosen.
    await tx.customerAddress.updateMany({ where: { customerId: sides.address === "other" ? survivor.id : other.id }, data: { isPrimary: false } });
    await tx.customerAddress.updateMany({ where: { customerId: other.id }, data: { customerId: survivor.id } });
    const last = await tx.customerLog.aggregate({ where: { customerId: survivor.id }, _max: { at: true } });
    const values = {
      name: pick("name"), creditCode: pick("creditCode"), industry: pick("industry"), region: pick("region"), level: pick("level"), tags: pick("tags"),
      ownerId: owner.ownerId, teamId: owner.teamId, address: pick("address"), contactName: pick("contactName"), contactPhone: pick("contactPhone"),
    };
    await tx.customer.update({
      where: { id: survivor.id },
      data: {
        ...values,
        ...customerNameFields(values.name),
        erpId: survivor.erpId ?? other.erpId,
        taxCode: survivor.taxCode ?? other.taxCode,
        paymentTermCode: survivor.paymentTermCode ?? other.paymentTermCode,
        stage: STAGE_RANK[other.stage] > STAGE_RANK[survivor.stage] ? other.stage : survivor.stage,
        custom: { ...customValues(other.custom), ...customValues(survivor.custom) },
        lastContactAt: last._max.at ?? [survivor.lastContactAt, other.lastContactAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
      },
    });
    const pair = { survivor: { id: survivor.id, code: survivor.code, name: survivor.name }, other: { id: other.id, code: other.code, name: other.name, creditCode: other.creditCode, erpId: other.erpId } };
    const before = Object.fromEntries(MERGE_FIELDS.map((f) => [f, { survivor: survivor[f], other: other[f] }]));
    await writeAudit(tx, actor, { action: "customer.merge", entity: "Customer", entityId: survivor.id, before, after: { ...pair, choices: sides, values, moved: counts } });
    await writeAudit(tx, actor, { action: "customer.merged_away", entity: "Customer", entityId: other.id, after: { ...pair, choices: sides } });
    return { id: survivor.id, moved: counts };
  });
}
