import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { visibleCustomer } from "../customer-scope";
import { nextContractNumber } from "./contract-numbers";
import { visibleContract } from "./contract-scope";
import { defaultTerms, templateFor, withAmounts, type ContractTemplate } from "./contract-template";
import { createContractSchema, type ContractTerms, type ContractTermsInput, type CreateContractInput } from "./contract.schema";

type Draft = { customerId: string; template: ContractTemplate; opportunityId: string | null; copiedFromId: string | null; terms: ContractTermsInput };

/**
 * A new draft contract (CRM-9), filled from an opportunity (its customer and lines) or
 * copied from a past contract (its terms; marked as a copy), or empty for a customer.
 * The template is chosen by the customer's country, never by the user.
 */
export async function createContract(db: Db, who: Actor | null, raw: CreateContractInput) {
  const actor = requirePermission(who, "crm.view");
  const input = parseInput(createContractSchema, raw);
  const draft = input.fromContractId ? await fromContract(db, actor, input.fromContractId) : input.opportunityId ? await fromOpportunity(db, actor, input.opportunityId) : await forCustomer(db, actor, input.customerId);
  const terms = withAmounts(draft.terms);
  return db.$transaction(async (tx) => {
    const number = await nextContractNumber(tx, now());
    const contract = await tx.salesContract.create({
      data: {
        number, customerId: draft.customerId, opportunityId: draft.opportunityId, copiedFromId: draft.copiedFromId, template: draft.template, ownerId: actor.id, teamId: actor.departmentId, createdById: actor.id,
        ...headerOf(terms),
        versions: { create: { version: 1, terms: terms as object, createdById: actor.id, note: null } },
      },
    });
    await writeAudit(tx, actor, { action: "sales_contract.create", entity: "SalesContract", entityId: contract.id, after: { number, template: draft.template, opportunityId: draft.opportunityId, copiedFromId: draft.copiedFromId, total: terms.total } });
    return contract;
  });
}

/** The contract's columns that mirror its current version (lists, filters and the approval threshold read them). */
export function headerOf(terms: ContractTerms) {
  return { currencyCode: terms.currencyCode, incoterm: terms.incoterm, incotermPlace: terms.incotermPlace, paymentTerms: terms.paymentTerms, deliveryTerms: terms.deliveryTerms, totalAmount: terms.total };
}

async function fromOpportunity(db: Db, actor: EmployeeActor, id: string): Promise<Draft> {
  const opp = await db.opportunity.findUnique({ where: { id }, include: { lines: { orderBy: { position: "asc" } }, customer: { select: { id: true, countryCode: true } } } });
  if (!opp) throw new AppError("not_found");
  await visibleCustomer(db, actor, opp.customerId, { id: true });
  const template = templateFor(opp.customer.countryCode);
  const lines = opp.lines.map((l, i) => ({
    key: `L${i + 1}`,
    productCode: l.productCode,
    description: l.description,
    quantity: Number(l.quantity),
    unitCode: l.unitCode,
    // The contract states the net price: the opportunity's discount is in it.
    unitPrice: Math.round(Number(l.unitPrice) * (1 - Number(l.discountPct) / 100) * 10_000) / 10_000,
    delivery: l.expectedDelivery ? l.expectedDelivery.toISOString().slice(0, 10) : null,
  }));
  if (!lines.length) throw new AppError("validation", { fieldErrors: { opportunityId: "validation.contract_no_lines" } });
  return { customerId: opp.customerId, template, opportunityId: opp.id, copiedFromId: null, terms: defaultTerms(template, { currencyCode: opp.currencyCode, lines }) };
}

async function fromContract(db: Db, actor: EmployeeActor, id: string): Promise<Draft> {
  const src = await visibleContract(db, actor, id, { customer: { select: { countryCode: true } }, versions: { orderBy: { version: "desc" }, take: 1 } });
  const terms = src.versions[0].terms as unknown as ContractTerms;
  const template = templateFor(src.customer.countryCode);
  const lines = terms.lines.map(({ amount: _amount, ...l }) => l);
  // The customer's country may have changed since: a copy follows the template of today.
  const base: ContractTermsInput = template === src.template ? { ...terms, lines } : defaultTerms(template, { currencyCode: terms.currencyCode, lines });
  return { customerId: src.customerId, template, opportunityId: src.opportunityId, copiedFromId: src.id, terms: base };
}

async function forCustomer(db: Db, actor: EmployeeActor, customerId: string | undefined): Promise<Draft> {
  if (!customerId) throw new AppError("validation", { fieldErrors: { customerId: "validation.required" } });
  const c = await visibleCustomer(db, actor, customerId, { id: true, countryCode: true });
  const template = templateFor(c.countryCode);
  const lines = [{ key: "L1", productCode: null, description: "—", quantity: 1, unitCode: null, unitPrice: 0, delivery: null }];
  return { customerId: c.id, template, opportunityId: null, copiedFromId: null, terms: defaultTerms(template, { lines }) };
}
