import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs } from "@/test/erp/erp-test-kit";
import { supplierOwnerAccess } from "@/lib/files/supplier-owner-access";
import { approveSupplier } from "./approve-supplier";
import { initialPassword } from "@/lib/auth/initial-password";
import { RE_REVIEW, startReReview } from "./re-review";

const kinds = await dbKinds();

describe.each(kinds)("the supplier's re-review on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let supplierId: string;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    const s = await t.db.supplier.create({ data: { code: "S300", name: "扬州包装材料厂", status: "potential", taxCode: "VAT13", paymentTermCode: "NET30", contactName: "赵敏" } });
    supplierId = s.id;
  });
  afterAll(async () => {
    await t?.close();
  });
  const input = { supplierId: "", username: "s300", name: "赵敏", email: "zhao@example.com" };
  const signInPortal = (password: string) => signIn(t.db, { realm: "supplier", username: "s300", password, ip: `10.0.0.${Math.floor(Math.random() * 200)}` });

  it("needs the proof documents on file, refuses bad input and other users, and changes nothing then", async () => {
    const lead = await t.actor("liuyang");
    const before = { users: await t.db.supplierUser.count(), audits: await t.db.auditLog.count() };
    await expect(startReReview(t.db, lead, { ...input, supplierId })).rejects.toMatchObject({ code: "supplier_documents_missing" });
    await expect(startReReview(t.db, lead, { ...input, supplierId, username: "有 空格", name: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { username: "validation.username_format", name: "validation.required" } });
    await expect(startReReview(t.db, await t.actor("lina"), { ...input, supplierId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(startReReview(t.db, lead, { ...input, supplierId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    // An active supplier (S001) has no re-review; its user name is taken anyway.
    const s001 = await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } });
    await t.db.storedFile.create({ data: { storageKey: randomUUID(), name: "x.pdf", contentType: "application/pdf", size: 1, sha256: "x", ownerType: "Supplier", ownerId: s001.id, supplierId: s001.id, uploadedBy: "t", uploadRealm: "employee" } });
    await expect(startReReview(t.db, lead, { ...input, supplierId: s001.id })).rejects.toMatchObject({ code: "supplier_re_review_not_possible" });
    expect({ users: await t.db.supplierUser.count(), audits: await t.db.auditLog.count() }).toEqual(before);
  });

  it("creates the account closed with an initial password; quality's approval opens supplier and account and writes it to the ERP", async () => {
    const lead = await t.actor("liuyang");
    await t.db.storedFile.create({ data: { storageKey: randomUUID(), name: "营业执照.pdf", contentType: "application/pdf", size: 1024, sha256: "x", ownerType: "Supplier", ownerId: supplierId, supplierId, uploadedBy: lead.id, uploadRealm: "employee" } });
    const { username, password } = await startReReview(t.db, lead, { ...input, supplierId });
    expect(username).toBe("s300");
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const account = await t.db.supplierUser.findUniqueOrThrow({ where: { username: "s300" }, select: { active: true, supplierId: true, passwordHash: true } });
    expect(account).toMatchObject({ active: false, supplierId });
    expect(account.passwordHash).not.toContain(password);
    await expect(signInPortal(password)).rejects.toMatchObject({ code: "account_pending" });
    // A second start while this one runs is refused.
    await expect(startReReview(t.db, lead, { ...input, supplierId, username: "s300b" })).rejects.toMatchObject({ code: "supplier_re_review_not_possible" });

    const task = await t.db.task.findFirstOrThrow({ where: { elementId: "re_review", status: "open", instance: { recordId: supplierId, definition: { key: RE_REVIEW.key } } } });
    expect(task.candidateGroups).toEqual(["quality"]);
    const vars = (await t.db.processInstance.findUniqueOrThrow({ where: { id: task.instanceId } })).variables as Record<string, unknown>;
    expect(vars).toMatchObject({ supplierName: "扬州包装材料厂", portalUsername: "s300", documents: "营业执照.pdf" });

    await completeTask(t.db, await t.actor("chenjing"), { taskId: task.id, data: { decision: "approve", comment: "资质齐全" } });
    await drainJobs(t.db);
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: supplierId } })).status).toBe("active");
    expect((await t.db.supplierUser.findUniqueOrThrow({ where: { username: "s300" } })).active).toBe(true);
    expect(await signInPortal(password)).toMatchObject({ id: expect.any(String) });
    // The approved supplier went to the ERP through the outbox (the built-in connector's ledger).
    expect(await t.db.job.count({ where: { kind: "erp.write", idempotencyKey: { contains: supplierId } } })).toBe(1);
    const audit = await t.db.auditLog.findMany({ where: { entity: "Supplier", entityId: supplierId }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["supplier.re_review_requested", "supplier.approve", "erp.write_recorded"]);
    // The approval names its approver, though the step runs as the system.
    expect(audit[1].after).toMatchObject({ status: "active", approvedBy: (await t.actor("chenjing")).id });
  });

  it("refuses a second start while the first is still queued; a supplier approved by hand meanwhile still gets its account opened", async () => {
    const lead = await t.actor("liuyang");
    const s = await t.db.supplier.create({ data: { code: "S301", name: "泰州五金", status: "potential" } });
    await t.db.storedFile.create({ data: { storageKey: randomUUID(), name: "证书.pdf", contentType: "application/pdf", size: 1, sha256: "x", ownerType: "Supplier", ownerId: s.id, supplierId: s.id, uploadedBy: lead.id, uploadRealm: "employee" } });
    // Only those who maintain suppliers add documents; srm.view alone reads them.
    const warehouse = await t.actor("zhaoqiang");
    expect([await supplierOwnerAccess.canRead(warehouse, s.id, t.db), await supplierOwnerAccess.canWrite(warehouse, s.id, t.db), await supplierOwnerAccess.canWrite(lead, s.id, t.db)]).toEqual([true, false, true]);

    const queued = await t.db.job.create({ data: { kind: RE_REVIEW.job, idempotencyKey: `test:${s.id}`, payload: { supplierId: s.id, accountId: randomUUID() } } });
    await expect(startReReview(t.db, lead, { ...input, supplierId: s.id, username: "s301" })).rejects.toMatchObject({ code: "supplier_re_review_not_possible" });
    await t.db.job.delete({ where: { id: queued.id } });
    const { password } = await startReReview(t.db, lead, { ...input, supplierId: s.id, username: "s301" });
    await approveSupplier(t.db, lead, s.id);
    const task = await t.db.task.findFirstOrThrow({ where: { elementId: "re_review", status: "open", instance: { recordId: s.id } } });
    await completeTask(t.db, await t.actor("chenjing"), { taskId: task.id, data: { decision: "approve" } });
    await drainJobs(t.db);
    expect((await t.db.supplierUser.findUniqueOrThrow({ where: { username: "s301" } })).active).toBe(true);
    expect(await signIn(t.db, { realm: "supplier", username: "s301", password, ip: "10.0.1.1" })).toMatchObject({ id: expect.any(String) });
  });

  it("initial passwords mix cases and digits and do not repeat", () => {
    const seen = new Set(Array.from({ length: 200 }, initialPassword));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(/\d/.test(p) && /[a-z]/.test(p) && /[A-Z]/.test(p) && !/[0O1lI]/.test(p)).toBe(true);
  });
});
