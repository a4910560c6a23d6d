import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { SYSTEM } from "@/lib/auth/actor";
import { describeVariables } from "@/lib/inbox/describe-variables";
import { completeTask } from "@/lib/workflow/complete-task";
import { publishDefinition } from "@/lib/workflow/publish-definition";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { listSupplierChanges } from "./list-supplier-changes";
import { proposeSupplierChange, SUPPLIER_CHANGE } from "./propose-supplier-change";

const kinds = await dbKinds();

describe.each(kinds)("supplier change requests (SRM-4) on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  beforeAll(async () => {
    t = await erpTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const supplier = (code: string) => t.db.supplier.findUniqueOrThrow({ where: { code } });
  /** The archive's data as the form sends it back, with some fields changed. */
  const form = async (code: string, changed: Record<string, string | null>) => {
    const s = await supplier(code);
    return { supplierId: s.id, name: s.name, taxCode: s.taxCode, paymentTermCode: s.paymentTermCode, contactName: s.contactName, contactPhone: s.contactPhone, address: s.address, bankName: s.bankName, bankAccount: s.bankAccount, reason: "供应商来函", ...changed };
  };
  const openTask = (number: string, elementId: string) =>
    t.db.task.findFirstOrThrow({ where: { elementId, status: "open", instance: { businessKey: number, definition: { key: SUPPLIER_CHANGE.key } } } });
  const approve = async (username: string, number: string, elementId: string, decision = "approve") => {
    await completeTask(t.db, await t.actor(username), { taskId: (await openTask(number, elementId)).id, data: { decision, comment: decision === "reject" ? "资料不符" : "" } });
    await drainJobs(t.db);
  };
  const auditOf = async (supplierId: string) => (await t.db.auditLog.findMany({ where: { entity: "Supplier", entityId: supplierId, action: { startsWith: "supplier.change" } }, orderBy: { at: "asc" } })).map((a) => a.action);

  it("stores only what changed, shows it as a diff, leaves the archive alone until approved, then applies it with the ERP write", async () => {
    const lina = await t.actor("lina");
    const before = await supplier("S001");
    const change = await proposeSupplierChange(t.db, lina, await form("S001", { contactName: "钱峰二", paymentTermCode: "NET60" }));
    expect(change.changes).toEqual({ paymentTermCode: { from: before.paymentTermCode, to: "NET60" }, contactName: { from: before.contactName, to: "钱峰二" } });
    expect(await supplier("S001")).toMatchObject({ contactName: before.contactName, paymentTermCode: before.paymentTermCode });

    // Purchasing sees the diff in words, codes with their names.
    const task = await openTask(change.number, "purchasing_review");
    expect(task.candidateGroups).toEqual(["purchasing"]);
    const instance = await t.db.processInstance.findUniqueOrThrow({ where: { id: task.instanceId } });
    expect(instance).toMatchObject({ recordType: "Supplier", recordId: before.id });
    const definition = await t.db.processDefinition.findUniqueOrThrow({ where: { id: instance.definitionId } });
    const shown = await describeVariables(t.db, instance.variables as Record<string, unknown>, { definition, realm: "employee" });
    expect(shown.find((s) => s.name === "changes")?.value).toEqual({
      kind: "changes",
      rows: [
        { labelZh: "付款条件", labelEn: "Payment terms", from: "NET30 月结 30 天", to: "NET60 月结 60 天", bank: false },
        { labelZh: "联系人", labelEn: "Contact", from: before.contactName, to: "钱峰二", bank: false },
      ],
    });

    // A second proposal while this one is open is refused.
    await expect(proposeSupplierChange(t.db, lina, await form("S001", { address: "新地址 1 号" }))).rejects.toMatchObject({ code: "supplier_change_pending" });

    await approve("liuyang", change.number, "purchasing_review");
    expect(await supplier("S001")).toMatchObject({ contactName: "钱峰二", paymentTermCode: "NET60" });
    expect(await t.db.supplierChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "approved", outcome: "applied" });
    expect(await auditOf(before.id)).toEqual(["supplier.change_proposed", "supplier.change_applied"]);
    // Written back to the ERP through the outbox, once.
    expect(await t.db.job.count({ where: { kind: "erp.write", idempotencyKey: `erp.write:supplier:${before.id}:change:${change.id}` } })).toBe(1);
    expect((await listSupplierChanges(t.db, lina, before.id))[0]).toMatchObject({ number: change.number, status: "approved", proposedBy: "李娜" });
  });

  it("a bank change goes to finance; rejected there, the archive is untouched", async () => {
    const lina = await t.actor("lina");
    const s = await supplier("S002");
    const change = await proposeSupplierChange(t.db, lina, await form("S002", { bankName: "中国银行宁波分行", bankAccount: "6217 8560 0001 2345 678" }));
    expect(change.changes).toMatchObject({ bankAccount: { from: null, to: "6217856000012345678" } });
    await approve("liuyang", change.number, "purchasing_review");
    const finance = await openTask(change.number, "finance_review");
    expect(finance.candidateGroups).toEqual(["finance"]);
    await approve("huangting", change.number, "finance_review", "reject");
    expect(await supplier("S002")).toMatchObject({ bankName: s.bankName, bankAccount: s.bankAccount });
    expect(await t.db.supplierChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "rejected" });
    expect(await auditOf(s.id)).toEqual(["supplier.change_proposed", "supplier.change_rejected"]);

    // Proposed again and approved by finance: applied.
    const again = await proposeSupplierChange(t.db, lina, await form("S002", { bankName: "中国银行宁波分行", bankAccount: "6217856000012345678" }));
    await approve("liuyang", again.number, "purchasing_review");
    await approve("huangting", again.number, "finance_review");
    expect(await supplier("S002")).toMatchObject({ bankName: "中国银行宁波分行", bankAccount: "6217856000012345678" });
  });

  it("a flow changed to skip finance cannot apply a bank change; a stale proposal is refused; bad input changes nothing", async () => {
    const lina = await t.actor("lina");
    // A process owner takes the finance step out of the way (the bank gateway never says yes).
    const xml = fs.readFileSync(path.join(process.cwd(), "processes", "supplier-change.bpmn"), "utf8").replace("${bankChanged = true}", '${bankChanged = "never"}');
    await publishDefinition(t.db, SYSTEM, xml, "shipped");
    const s = await supplier("S001");
    const change = await proposeSupplierChange(t.db, lina, await form("S001", { bankAccount: "6222000011112222" }));
    await approve("liuyang", change.number, "purchasing_review");
    expect((await supplier("S001")).bankAccount).toBe(s.bankAccount);
    expect(await t.db.supplierChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "refused", outcome: "finance_missing" });
    const ended = await t.db.processInstance.findFirstOrThrow({ where: { businessKey: change.number } });
    expect(ended.status).toBe("completed");

    // The archive moves under a proposal: applying it would lose that change.
    const stale = await proposeSupplierChange(t.db, lina, await form("S001", { address: "苏州市工业园区新址 9 号" }));
    await t.db.supplier.update({ where: { id: s.id }, data: { address: "别人改过的地址" } });
    await approve("liuyang", stale.number, "purchasing_review");
    expect((await supplier("S001")).address).toBe("别人改过的地址");
    expect(await t.db.supplierChange.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "refused", outcome: "stale" });

    // Nothing changed, a bad account number, a code not in the list, no reason, no permission: refused, nothing stored.
    const count = await t.db.supplierChange.count();
    await expect(proposeSupplierChange(t.db, lina, await form("S001", {}))).rejects.toMatchObject({ code: "supplier_change_empty" });
    await expect(proposeSupplierChange(t.db, lina, await form("S001", { bankAccount: "12ab" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { bankAccount: "validation.bank_account_format" } });
    await expect(proposeSupplierChange(t.db, lina, await form("S001", { taxCode: "NOPE" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { taxCode: "validation.pick_from_list" } });
    await expect(proposeSupplierChange(t.db, lina, await form("S001", { contactName: "x", reason: " " }))).rejects.toMatchObject({ code: "validation", fieldErrors: { reason: "validation.required" } });
    await expect(proposeSupplierChange(t.db, await t.actor("zhaoqiang"), await form("S001", { contactName: "x" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeSupplierChange(t.db, lina, { ...(await form("S001", { contactName: "x" })), supplierId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.supplierChange.count()).toBe(count);
  });
});
