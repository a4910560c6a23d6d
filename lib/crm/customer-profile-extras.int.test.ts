import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { listCustomerCategories, saveCustomerCategory } from "./customer-categories";
import { parseCustomerListQuery } from "./customer-lists.schema";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { removeCustomerAddress, saveCustomerAddress } from "./save-customer-address";
import { setCustomerStage } from "./set-customer-stage";
import { updateCustomer } from "./update-customer";

const kinds = await dbKinds();
const HENGLI = "苏州恒力精工机械有限公司";

describe.each(kinds)("customer addresses, categories, profile and list filters (CRM-2) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const id = async (name: string) => (await t.db.customer.findFirstOrThrow({ where: { name } })).id;
  /** The profile as the edit form sends it back (all its fields). */
  const profile = async (cid: string) => {
    const c = await t.db.customer.findUniqueOrThrow({ where: { id: cid } });
    return { name: c.name, creditCode: c.creditCode, industry: c.industry, region: c.region, level: c.level as "A" | null, tags: c.tags, sharedWithTeam: c.sharedWithTeam };
  };
  const names = async (username: string, params: Record<string, string>) => (await listCustomers(t.db, await t.actor(username), parseCustomerListQuery({ view: "all", ...params }))).rows.map((r) => r.name).sort();
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => t?.close());

  it("keeps several addresses, one primary whose text is the customer's address; others may not change them; audited", async () => {
    const sunli = await t.actor("sunli");
    const cid = await id(HENGLI);
    const [entered] = (await getCustomer(t.db, sunli, cid)).customer.addresses;
    // The address entered with the customer is its primary address.
    expect(entered).toMatchObject({ kind: "office", street: "江苏省苏州市吴中区木渎镇金枫南路 1258 号", isPrimary: true });

    const plant = await saveCustomerAddress(t.db, sunli, cid, null, { kind: "shipping", label: "二厂", province: "江苏省", city: "苏州市", street: "吴中区胥口镇孙武路 88 号", postalCode: "215164", contactName: "仓库 王师傅", phone: "0512-6627 0001" });
    expect(plant).toMatchObject({ isPrimary: false, countryCode: "CN" });
    expect((await t.db.customer.findUniqueOrThrow({ where: { id: cid } })).address).toBe("江苏省苏州市吴中区木渎镇金枫南路 1258 号");

    // Made primary, its text becomes the customer's address; the old primary stays as a second address.
    await saveCustomerAddress(t.db, sunli, cid, plant.id, { kind: "shipping", label: "二厂", province: "江苏省", city: "苏州市", street: "吴中区胥口镇孙武路 88 号", postalCode: "215164", isPrimary: true });
    const detail = await getCustomer(t.db, sunli, cid);
    expect(detail.customer.addresses.map((a) => [a.street, a.isPrimary])).toEqual([["吴中区胥口镇孙武路 88 号", true], ["江苏省苏州市吴中区木渎镇金枫南路 1258 号", false]]);
    expect(detail.customer.address).toBe("江苏省 苏州市 吴中区胥口镇孙武路 88 号");

    await expect(saveCustomerAddress(t.db, sunli, cid, null, { kind: "billing", street: "x", postalCode: "21#" })).rejects.toMatchObject({ code: "validation", fieldErrors: { street: "validation.too_small", postalCode: "validation.invalid_format" } });
    await expect(saveCustomerAddress(t.db, await t.actor("majun"), cid, null, { street: "广东省东莞市" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeCustomerAddress(t.db, sunli, cid, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "not_found" });

    // The primary removed: the other one becomes primary.
    await removeCustomerAddress(t.db, sunli, cid, plant.id);
    const after = await getCustomer(t.db, sunli, cid);
    expect(after.customer.addresses.map((a) => [a.street, a.isPrimary])).toEqual([["江苏省苏州市吴中区木渎镇金枫南路 1258 号", true]]);
    expect(after.customer.address).toBe("江苏省苏州市吴中区木渎镇金枫南路 1258 号");
    const actions = (await t.db.auditLog.findMany({ where: { entityId: cid, action: { startsWith: "customer.address" } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["customer.address_add", "customer.address_update", "customer.address_remove"]);
  });

  it("writes a customer of record to the ERP with all its addresses", async () => {
    const sunli = await t.actor("sunli");
    const cid = await id("常州星宇车灯股份有限公司");
    await setCustomerStage(t.db, sunli, cid, { stage: "customer" });
    await saveCustomerAddress(t.db, sunli, cid, null, { kind: "billing", label: "财务部", province: "江苏省", city: "常州市", street: "新北区汉江路 398 号", postalCode: "213022" });
    await drainJobs(t.db);
    await drainJobs(t.db);
    const code = (await t.db.customer.findUniqueOrThrow({ where: { id: cid } })).code;
    const rows = await t.db.integrationLedger.findMany({ where: { handler: "erp.upsertParty", businessKey: code }, orderBy: { createdAt: "asc" } });
    const last = rows.at(-1)!.payload as { input: { addresses: unknown[] } };
    expect(last.input.addresses).toEqual([
      { name: "财务部", countryCode: "CN", province: "江苏省", city: "常州市", street: "新北区汉江路 398 号", postalCode: "213022" },
    ]);
  });

  it("has categories an administrator defines, set on the profile, and filters the list by them", async () => {
    const sunli = await t.actor("sunli");
    const admin = await t.actor("admin");
    await expect(saveCustomerCategory(t.db, sunli, null, { name: "OEM" })).rejects.toMatchObject({ code: "forbidden" });
    const oem = await saveCustomerCategory(t.db, admin, null, { name: "OEM 客户", sortOrder: 5 });
    await expect(saveCustomerCategory(t.db, admin, null, { name: "经销商" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: "validation.taken" } });
    const cats = await listCustomerCategories(t.db, sunli);
    expect(cats.map((c) => c.name)).toEqual(["OEM 客户", "终端客户", "经销商", "战略客户"]);
    const strategic = cats.find((c) => c.name === "战略客户")!.id;

    const cid = await id(HENGLI);
    await updateCustomer(t.db, sunli, cid, { ...(await profile(cid)), categoryIds: [strategic, oem.id] });
    expect((await getCustomer(t.db, sunli, cid)).categories.map((c) => c.name)).toEqual(["OEM 客户", "战略客户"]);
    await expect(updateCustomer(t.db, sunli, cid, { ...(await profile(cid)), categoryIds: ["00000000-0000-0000-0000-000000000000"] })).rejects.toMatchObject({ fieldErrors: { categoryIds: "validation.invalid_value" } });

    // A retired category stays on the customer but cannot be newly given.
    await saveCustomerCategory(t.db, admin, oem.id, { name: "OEM 客户", active: false });
    await updateCustomer(t.db, sunli, cid, { ...(await profile(cid)), industry: "机械加工", categoryIds: [strategic, oem.id] });
    const other = await id("无锡先导智能装备股份有限公司");
    await expect(updateCustomer(t.db, sunli, other, { ...(await profile(other)), categoryIds: [oem.id] })).rejects.toMatchObject({ fieldErrors: { categoryIds: "validation.invalid_value" } });

    expect(await names("sunli", { category: strategic })).toEqual([HENGLI]);
    expect(await names("zhoujie", { category: oem.id })).toEqual([HENGLI]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.update", entityId: cid }, orderBy: { at: "asc" } });
    expect(audit).toMatchObject({ before: { categoryIds: [] }, after: { categoryIds: [strategic, oem.id] } });
  });

  it("the profile update takes profile fields only: the main contact and the address stay as they are", async () => {
    const sunli = await t.actor("sunli");
    const cid = await id("宁波拓普集团股份有限公司");
    const before = await t.db.customer.findUniqueOrThrow({ where: { id: cid } });
    await updateCustomer(t.db, sunli, cid, { ...(await profile(cid)), level: "A", contactName: "别人", contactPhone: "110", address: "别处" } as never);
    const after = await t.db.customer.findUniqueOrThrow({ where: { id: cid } });
    expect(after).toMatchObject({ level: "A", contactName: before.contactName, contactPhone: before.contactPhone, address: before.address });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "customer.update", entityId: cid } });
    expect(Object.keys(audit.after as object)).toEqual(["level"]);
  });

  it("filters the list by stage, region, industry, tag, owner and days since the last contact", async () => {
    expect(await names("sunli", { stage: "customer" })).toEqual(["常州星宇车灯股份有限公司"]);
    expect(await names("zhoujie", { region: "东莞" })).toEqual(["东莞市长盈精密技术有限公司"]);
    expect(await names("sunli", { industry: "机械", tag: "重点客户" })).toEqual([HENGLI]);
    const majun = (await t.db.employee.findUniqueOrThrow({ where: { username: "majun" } })).id;
    expect((await names("zhoujie", { owner: majun })).length).toBeGreaterThan(0);
    expect(await names("sunli", { owner: majun })).toEqual([]);
    expect(await names("sunli", { contact: "cold" })).toEqual(["宁波拓普集团股份有限公司"]);
    expect(await names("zhoujie", { contact: "never" })).toEqual(["江苏恒立液压股份有限公司"]);
  });
});
