import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceHistory } from "@/lib/inbox/instance-history";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { getPortalHome } from "../portal-home";
import { listSupplierChanges } from "./list-supplier-changes";
import { getPortalChange, listPortalChanges } from "./portal-changes";
import { proposeSupplierChange, SUPPLIER_CHANGE } from "./propose-supplier-change";

const kinds = await dbKinds();

// SRM-4 from the portal: the supplier's administrator proposes a change of its own data;
// the same flow, rules and diff as a buyer's proposal; the portal lists its own requests only.
describe.each(kinds)("supplier change proposed in the portal on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const supplier = (code: string) => t.db.supplier.findUniqueOrThrow({ where: { code } });
  const form = async (code: string, changed: Record<string, string | null>) => {
    const s = await supplier(code);
    return { name: s.name, taxCode: s.taxCode, paymentTermCode: s.paymentTermCode, contactName: s.contactName, contactPhone: s.contactPhone, address: s.address, bankName: s.bankName, bankAccount: s.bankAccount, reason: "公司搬迁", ...changed };
  };
  const openTask = (number: string, elementId: string) =>
    t.db.task.findFirstOrThrow({ where: { elementId, status: "open", instance: { businessKey: number, definition: { key: SUPPLIER_CHANGE.key } } } });
  const decide = async (username: string, number: string, elementId: string, decision: string, comment = "") => {
    await completeTask(t.db, await t.actor(username), { taskId: (await openTask(number, elementId)).id, data: { decision, comment } });
    await drainJobs(t.db);
  };

  it("the administrator proposes for its own supplier only; the diff is stored; purchasing approves; the portal sees it applied", async () => {
    const admin = await supplierUser(t.db, "supplier1");
    const s001 = await supplier("S001");
    const s002 = await supplier("S002");
    // The input names another supplier: the session's own is changed all the same.
    const change = await proposeSupplierChange(t.db, admin, { ...(await form("S001", { address: "苏州市工业园区新厂 8 号", contactPhone: "0512-66668888" })), supplierId: s002.id });
    expect(change).toMatchObject({ supplierId: s001.id, proposedById: null, proposedBySupplierUserId: admin.id, status: "pending" });
    expect(change.changes).toEqual({ contactPhone: { from: s001.contactPhone, to: "0512-66668888" }, address: { from: s001.address, to: "苏州市工业园区新厂 8 号" } });
    expect(await t.db.auditLog.findFirst({ where: { entity: "Supplier", entityId: s001.id, action: "supplier.change_proposed" }, orderBy: { at: "desc" } })).toMatchObject({ actorRealm: "supplier", actorId: admin.id });

    // The portal home shows it under review; the list and the one request, as a diff in words.
    expect((await getPortalHome(t.db, admin)).changes.map((c) => c.number)).toEqual([change.number]);
    const mine = await listPortalChanges(t.db, admin);
    expect(mine[0]).toMatchObject({ number: change.number, status: "pending", proposedBy: admin.name, rows: [{ labelZh: "联系电话", to: "0512-66668888" }, { labelZh: "地址", to: "苏州市工业园区新厂 8 号" }] });
    // The archive names who proposed it, with the supplier.
    expect((await listSupplierChanges(t.db, await t.actor("lina"), s001.id))[0]).toMatchObject({ number: change.number, proposedBy: `${admin.name} · ${s001.name}` });

    // Another supplier's user cannot see it, nor find it by id.
    const other = await supplierUser(t.db, "supplier2");
    expect((await listPortalChanges(t.db, other)).map((c) => c.id)).not.toContain(change.id);
    await expect(getPortalChange(t.db, other, change.id)).rejects.toMatchObject({ code: "not_found" });

    await decide("liuyang", change.number, "purchasing_review", "approve");
    expect(await supplier("S001")).toMatchObject({ address: "苏州市工业园区新厂 8 号", contactPhone: "0512-66668888" });
    expect(await getPortalChange(t.db, admin, change.id)).toMatchObject({ status: "approved", outcome: "applied", comment: null });
    expect((await getPortalHome(t.db, admin)).changes).toEqual([]);

    // The flow's history says what changed, in words.
    const inst = await t.db.processInstance.findUniqueOrThrow({ where: { id: (await t.db.supplierChange.findUniqueOrThrow({ where: { id: change.id } })).instanceId! }, include: { definition: true } });
    const { entries } = await instanceHistory(t.db, inst.id, inst.definition);
    const diff = entries.flatMap((e) => e.changes ?? []).find((c) => c.name === "changes");
    expect(diff?.after.zh).toBe(`联系电话：${s001.contactPhone ?? "（空）"} → 0512-66668888；地址：${s001.address ?? "（空）"} → 苏州市工业园区新厂 8 号`);
    expect(diff?.after.zh).not.toContain("已更新");
  });

  it("a bank change goes to finance; a rejection shows the approver's comment in the portal; a non-administrator is refused", async () => {
    const admin = await supplierUser(t.db, "supplier1");
    const before = await supplier("S001");
    const change = await proposeSupplierChange(t.db, admin, await form("S001", { bankName: "招商银行苏州分行", bankAccount: "6225 8801 2345 6789" }));
    await decide("liuyang", change.number, "purchasing_review", "approve");
    expect((await openTask(change.number, "finance_review")).candidateGroups).toEqual(["finance"]);
    await decide("huangting", change.number, "finance_review", "reject", "请提供开户许可证");
    expect(await supplier("S001")).toMatchObject({ bankName: before.bankName, bankAccount: before.bankAccount });
    expect(await getPortalChange(t.db, admin, change.id)).toMatchObject({ status: "rejected", comment: "请提供开户许可证", rows: [{ labelZh: "开户行", bank: true }, { labelZh: "银行账号", to: "6225880123456789", bank: true }] });

    // A portal user who is not its company's administrator: refused, nothing stored.
    const count = await t.db.supplierChange.count();
    await expect(proposeSupplierChange(t.db, await supplierUser(t.db, "supplier2"), await form("S002", { contactName: "林晓二" }))).rejects.toMatchObject({ code: "forbidden" });
    // An administrator removed meanwhile (the session still says administrator): refused in the transaction.
    await t.db.supplierUser.update({ where: { id: admin.id }, data: { isAdmin: false } });
    await expect(proposeSupplierChange(t.db, admin, await form("S001", { contactName: "钱峰三" }))).rejects.toMatchObject({ code: "forbidden" });
    await t.db.supplierUser.update({ where: { id: admin.id }, data: { isAdmin: true } });
    expect(await t.db.supplierChange.count()).toBe(count);
  });
});
