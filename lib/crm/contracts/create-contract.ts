import "server-only";
import type { Actor, EmployeeActor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { parseInput } from "../../errors/parse-input";
import { now } from "../../workflow/clock";
import { assertMayEditCustomer, visibleCustomer } from "../customer-scope";
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
  const country = input.fromContractId ? null : await countryChange(db, actor, input);
  const draft = input.fromContractId ? await fromContract(db, actor, input.fromContractId) : input.opportunityId ? await fromOpportunity(db, actor, input.opportunityId, country) : await forCustomer(db, actor, input.customerId, country);
  const terms = withAmounts(draft.terms);
  return db.$transaction(async (tx) => {
    if (country) {
      await tx.customer.update({ where: { id: country.customerId }, data: { countryCode: country.to } });
      await writeAudit(tx, actor, { action: "customer.update", entity: "Customer", entityId: country.customerId, before: { countryCode: country.from }, after: { countryCode: country.to } });
    }
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

type CountryChange = { customerId: string; from: string; to: string } | null;

/** The customer's country as corrected on the new-contract page, if it changes: only by whoever may change the customer. */
async function countryChange(db: Db, actor: EmployeeActor, input: CreateContractInput): Promise<CountryChange> {
  if (!input.countryCode) return null;
  const customerId = input.opportunityId ? (await db.opportunity.findUnique({ where: { id: input.opportunityId }, select: { customerId: true } }))?.customerId : input.customerId;
  if (!customerId) return null;
  const c = await visibleCustomer(db, actor, customerId, { id: true, countryCode: true, ownerId: true, teamId: true });
  if (c.countryCode === input.countryCode) return null;
  await assertMayEditCustomer(db, actor, c);
  return { customerId: c.id, from: c.countryCode, to: input.countryCode };
}

async function fromOpportunity(db: Db, actor: EmployeeActor, id: string, country: CountryChange): Promise<Draft> {
  const opp = await db.opportunity.findUnique({ where: { id }, include: { lines: { orderBy: { position: "asc" } }, customer: { select: { id: true, countryCode: true } } } });
  if (!opp) throw new AppError("not_found");
  await visibleCustomer(db, actor, opp.customerId, { id: true });
  const template = templateFor(country?.to ?? opp.customer.countryCode);
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
  // A domestic contract is in RMB: prices quoted in another currency are not copied over as yuan.
  if (template === "domestic" && opp.currencyCode !== "CNY") throw new AppError("validation", { fieldErrors: { opportunityId: "validation.contract_domestic_currency" }, params: { currency: opp.currencyCode } });
  return { customerId: opp.customerId, template, opportunityId: opp.id, copiedFromId: null, terms: defaultTerms(template, { currencyCode: opp.currencyCode, lines }) };
}

async function fromContract(db: Db, actor: EmployeeActor, id: string): Promise<Draft> {
  const src = await visibleContract(db, actor, id, { customer: { select: { countryCode: true } }, versions: { orderBy: { version: "desc" }, take: 1 } });
  const terms = src.versions[0].terms as unknown as ContractTerms;
  const template = templateFor(src.customer.countryCode);
  const lines = terms.lines.map(({ amount: _amount, ...l }) => l);
  // A foreign contract's prices are not copied into a domestic one as yuan (the customer moved to China since).
  if (template === "domestic" && terms.currencyCode !== "CNY") throw new AppError("validation", { fieldErrors: { fromContractId: "validation.contract_copy_domestic_currency" }, params: { currency: terms.currencyCode } });
  // The customer's country may have changed since: a copy follows the template of today.
  const base: ContractTermsInput = template === src.template ? { ...terms, lines } : defaultTerms(template, { currencyCode: terms.currencyCode, lines });
  return { customerId: src.customerId, template, opportunityId: src.opportunityId, copiedFromId: src.id, terms: base };
}

async function forCustomer(db: Db, actor: EmployeeActor, customerId: string | undefined, country: CountryChange): Promise<Draft> {
  if (!customerId) throw new AppError("validation", { fieldErrors: { customerId: "validation.required" } });
  const c = await visibleCustomer(db, actor, customerId, { id: true, countryCode: true });
  const template = templateFor(country?.to ?? c.countryCode);
  const lines = [{ key: "L1", productCode: null, description: "—", quantity: 1, unitCode: null, unitPrice: 0, delivery: null }];
  return { customerId: c.id, template, opportunityId: null, copiedFromId: null, terms: defaultTerms(template, { lines }) };
}
