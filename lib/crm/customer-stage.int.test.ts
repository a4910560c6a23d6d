import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { creditCodeCheck } from "../names/credit-code";
import { createCustomer } from "./create-customer";
import { getCustomer } from "./get-customer";
import { saveCustomerAddress } from "./save-customer-address";
import { setCustomerStage } from "./set-customer-stage";
import { updateCustomer } from "./update-customer";

const kinds = await dbKinds();
const BASE = "91320505MA1P8K3Q6";
const CREDIT = BASE + creditCodeCheck(BASE);

describe.each(kinds)("a customer of record is written to the ERP as a party (CRM-2) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let id: string;
  const ledger = async (code: string) => t.db.integrationLedger.findMany({ where: { handler: "erp.upsertParty", businessKey: code }, orderBy: { createdAt: "asc" } });
  beforeAll(async () => {
    t = await erpTestDb(kind);
    id = (await createCustomer(t.db, await t.actor("sunli"), { name: "苏州汇川联合动力系统有限公司", creditCode: CREDIT, contactName: "顾磊", contactPhone: "0512-6662 0001", address: "江苏省苏州市吴中区越溪街道友翔路 52 号" })).id;
  });
  afterAll(async () => t?.close());

  it("a prospect is not in the ERP; made a customer of record by its owner, it is written once, with its credit code", async () => {
    const sunli = await t.actor("sunli");
    const code = (await t.db.customer.findUniqueOrThrow({ where: { id } })).code;
    await drainJobs(t.db);
    expect(await ledger(code)).toHaveLength(0);
    // Another rep who does not see it, and a stage the use-case does not know.
    await expect(setCustomerStage(t.db, await t.actor("majun"), id, { stage: "customer" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setCustomerStage(t.db, sunli, id, { stage: "vip" })).rejects.toMatchObject({ code: "validation", fieldErrors: { stage: "validation.invalid_option" } });

    await setCustomerStage(t.db, sunli, id, { stage: "customer" });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.stage", entityId: id } });
    expect(audit).toMatchObject({ before: { stage: "prospect" }, after: { stage: "customer" } });
    await drainJobs(t.db);
    await drainJobs(t.db);
    const rows = await ledger(code);
    expect(rows).toHaveLength(1);
    expect((rows[0].payload as { input: Record<string, unknown> }).input).toMatchObject({ role: "customer", code, name: "苏州汇川联合动力系统有限公司", taxCode: CREDIT, address: "江苏省苏州市吴中区越溪街道友翔路 52 号", contactPhone: "0512-6662 0001" });
    const detail = await getCustomer(t.db, sunli, id);
    expect(detail.customer).toMatchObject({ stage: "customer", erpId: `party:customer:${code}` });
  });

  it("a change of its party data is written again; a change the ERP does not hold is not", async () => {
    const sunli = await t.actor("sunli");
    const c = await t.db.customer.findUniqueOrThrow({ where: { id } });
    const profile = { name: c.name, creditCode: CREDIT };
    await updateCustomer(t.db, sunli, id, { ...profile, industry: "汽车零部件" });
    await drainJobs(t.db);
    expect(await ledger(c.code)).toHaveLength(1);
    // The address given on entry is the primary one of its addresses; changed, the party is written again with all of them.
    const primary = await t.db.customerAddress.findFirstOrThrow({ where: { customerId: id, isPrimary: true } });
    await saveCustomerAddress(t.db, sunli, id, primary.id, { kind: "office", province: "江苏省", city: "苏州市", street: "吴中区友翔路 52 号 3 号楼", isPrimary: true });
    await drainJobs(t.db);
    const rows = await ledger(c.code);
    expect(rows).toHaveLength(2);
    expect((rows[1].payload as { input: Record<string, unknown> }).input).toMatchObject({
      address: "江苏省 苏州市 吴中区友翔路 52 号 3 号楼",
      addresses: [{ name: null, countryCode: "CN", province: "江苏省", city: "苏州市", street: "吴中区友翔路 52 号 3 号楼", postalCode: null }],
    });
  });

  it("never goes back to prospect; inactive needs a reason; reactivated it is written again", async () => {
    const sunli = await t.actor("sunli");
    const code = (await t.db.customer.findUniqueOrThrow({ where: { id } })).code;
    await expect(setCustomerStage(t.db, sunli, id, { stage: "prospect" })).rejects.toMatchObject({ code: "customer_stage_invalid", params: { fromZh: "正式客户", toZh: "潜在客户" } });
    await expect(setCustomerStage(t.db, sunli, id, { stage: "customer" })).rejects.toMatchObject({ code: "customer_stage_invalid" });
    await expect(setCustomerStage(t.db, sunli, id, { stage: "inactive", reason: "  " })).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: "validation.required" } });
    expect((await t.db.customer.findUniqueOrThrow({ where: { id } })).stage).toBe("customer");

    await setCustomerStage(t.db, sunli, id, { stage: "inactive", reason: "客户已被收购，停止合作" });
    await setCustomerStage(t.db, await t.actor("zhoujie"), id, { stage: "customer" });
    await drainJobs(t.db);
    expect(await ledger(code)).toHaveLength(3);
    const stages = await t.db.auditLog.findMany({ where: { action: "customer.stage", entityId: id }, orderBy: { at: "asc" } });
    expect(stages.map((a) => (a.after as { stage: string; reason?: string })).slice(1)).toEqual([{ stage: "inactive", reason: "客户已被收购，停止合作" }, { stage: "customer" }]);
  });
});
