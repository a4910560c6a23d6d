import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPurchaseOrder } from "@/lib/erp/ingest-purchase-order";
import { listHeldOrders } from "@/lib/erp/centre/list-held-orders";
import { ownerAccessFor } from "@/lib/files/owner-access";
import { advanceClock, now, resetClock } from "@/lib/workflow/clock";
import { completeTask } from "@/lib/workflow/complete-task";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { drainJobs, erpOrder } from "@/test/erp/erp-test-kit";
import { supplierUser } from "@/test/workflow-fixtures";
import { createPurchaseOrder } from "../create-purchase-order";
import { blockReasonText } from "./block-reason";
import { factoryDay } from "./certificate-dates";
import { setCertificateRequirement } from "./certificate-setup";
import { runCertificateSweep } from "./certificate-sweep";
import { DOCUMENT_REVIEW } from "./document-review-names";
import { getSupplierCertificates, listPortalCertificates } from "./list-supplier-documents";
import { setSupplierCategories } from "./set-supplier-categories";
import { submitSupplierDocument } from "./submit-supplier-document";

const kinds = await dbKinds();
const DAY = 864e5;
const S002 = { erpId: "party-s002", code: "S002", name: "宁波华东塑胶制品有限公司" };
/** The factory day n days from the (moved) clock, YYYY-MM-DD. */
const dayIn = (n: number) => factoryDay(new Date(now().getTime() + n * DAY));

describe.each(kinds)("supplier certificates on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  const ids = { s1: "", s2: "", bl: "", iso: "", elec: "", pack: "" };
  beforeAll(async () => {
    resetClock();
    t = await erpTestDb(kind);
    ids.s1 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S001" } })).id;
    ids.s2 = (await t.db.supplier.findUniqueOrThrow({ where: { code: "S002" } })).id;
    ids.bl = (await t.db.certificateType.findUniqueOrThrow({ where: { code: "BL" } })).id;
    ids.iso = (await t.db.certificateType.findUniqueOrThrow({ where: { code: "ISO9001" } })).id;
    ids.elec = (await t.db.supplierCategory.findUniqueOrThrow({ where: { code: "ELEC" } })).id;
    ids.pack = (await t.db.supplierCategory.findUniqueOrThrow({ where: { code: "PACK" } })).id;
  });
  afterAll(async () => {
    resetClock();
    await t?.close();
  });

  /** A file stored on the supplier, as POST /api/files leaves it. */
  const fileOf = async (supplierId: string, name: string) =>
    (await t.db.storedFile.create({ data: { storageKey: randomUUID(), name, contentType: "application/pdf", size: 1024, sha256: "x", ownerType: "Supplier", ownerId: supplierId, supplierId, uploadedBy: "test", uploadRealm: "supplier" } })).id;
  /** The supplier hands a document in and quality decides on it in the review flow. */
  const handIn = async (username: string, typeId: string, number: string, validUntil: string, decision = "approve") => {
    const user = await supplierUser(t.db, username);
    const { id } = await submitSupplierDocument(t.db, user, { typeId, number, validFrom: "", validUntil, fileId: await fileOf(user.supplierId, `${number}.pdf`) });
    const task = await t.db.task.findFirstOrThrow({ where: { status: "open", elementId: "quality_review", instance: { definition: { key: DOCUMENT_REVIEW.key } } }, orderBy: { createdAt: "desc" } });
    expect(task.candidateGroups).toEqual(["quality"]);
    await completeTask(t.db, await t.actor("chenjing"), { taskId: task.id, data: { decision, comment: decision === "reject" ? "扫描件不清晰" : "" } });
    await drainJobs(t.db);
    return t.db.supplierDocument.findUniqueOrThrow({ where: { id } });
  };
  const reminders = (username: string) => t.db.employee.findUniqueOrThrow({ where: { username } }).then((e) => t.db.notification.findMany({ where: { recipientId: e.id, kind: { startsWith: "certificate." } }, orderBy: { createdAt: "asc" } }));

  it("derives the mandatory documents from the supplier's categories; a missing one is shown, not blocking", async () => {
    const lina = await t.actor("lina");
    expect((await getSupplierCertificates(t.db, lina, ids.s1)).missing).toEqual([]);
    await setSupplierCategories(t.db, lina, { supplierId: ids.s1, categoryIds: [(await t.db.supplierCategory.findUniqueOrThrow({ where: { code: "MACH" } })).id, ids.elec] });
    const c = await getSupplierCertificates(t.db, lina, ids.s1);
    expect(c.missing.map((m) => m.code)).toEqual(["BL", "ISO9001"]);
    expect(c.blockedAt).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: "supplier.categories", entityId: ids.s1 } })).toBe(2);
    // A warehouse clerk may look but not change them.
    await expect(setSupplierCategories(t.db, await t.actor("zhaoqiang"), { supplierId: ids.s1, categoryIds: [] })).rejects.toMatchObject({ code: "forbidden" });
    // A valid licence fills one gap; a rejected one does not, and the supplier reads why.
    expect(await handIn("supplier1", ids.bl, "BL-S001-1", dayIn(365))).toMatchObject({ status: "valid" });
    expect(await handIn("supplier1", ids.iso, "ISO-S001-1", dayIn(365), "reject")).toMatchObject({ status: "rejected", rejectReason: "扫描件不清晰" });
    expect((await getSupplierCertificates(t.db, lina, ids.s1)).missing.map((m) => m.code)).toEqual(["ISO9001"]);
  });

  it("reminds buyers and the supplier 30 and 7 days before expiry, each once, then blocks on expiry and holds new orders", async () => {
    const admin = await t.actor("admin");
    await setCertificateRequirement(t.db, admin, { categoryId: ids.pack, typeId: ids.bl, required: true });
    const doc = await handIn("supplier2", ids.bl, "BL-S002-1", dayIn(40));
    expect(doc.status).toBe("valid");

    advanceClock(9 * DAY); // 31 days left
    await runCertificateSweep(t.db);
    expect(await reminders("lina")).toHaveLength(0);
    advanceClock(DAY); // 30 days left
    await runCertificateSweep(t.db);
    await runCertificateSweep(t.db);
    expect((await reminders("lina")).map((n) => n.title)).toEqual([`宁波华东塑胶制品有限公司：营业执照将于 ${factoryDay(doc.validUntil!)} 到期（剩 30 天）`]);
    expect(await reminders("liuyang")).toHaveLength(1);
    const portal = await t.db.notification.findMany({ where: { recipientRealm: "supplier", kind: "certificate.expiring" } });
    expect(portal.map((n) => [n.title, n.link])).toEqual([[`营业执照将于 ${factoryDay(doc.validUntil!)} 到期（剩 30 天）`, "/portal/documents"]]);

    advanceClock(22 * DAY); // 8 days left: nothing new
    await runCertificateSweep(t.db);
    expect(await reminders("lina")).toHaveLength(1);
    advanceClock(DAY); // 7 days left
    await runCertificateSweep(t.db);
    await runCertificateSweep(t.db);
    expect((await reminders("lina")).map((n) => /剩 \d+ 天/.exec(n.title)?.[0])).toEqual(["剩 30 天", "剩 7 天"]);
    expect(await t.db.supplier.findUniqueOrThrow({ where: { id: ids.s2 } })).toMatchObject({ blockedAt: null });

    advanceClock(8 * DAY); // the day after its last day
    await runCertificateSweep(t.db);
    const s2 = await t.db.supplier.findUniqueOrThrow({ where: { id: ids.s2 } });
    expect(s2.blockedAt).not.toBeNull();
    expect(blockReasonText(s2.blockedReason, "zh-CN")).toBe(`营业执照已于 ${factoryDay(doc.validUntil!)} 过期`);
    expect(blockReasonText(s2.blockedReason, "en")).toBe(`Business licence expired on ${factoryDay(doc.validUntil!)}`);
    expect((await reminders("lina")).map((n) => n.kind)).toEqual(["certificate.expiring", "certificate.expiring", "certificate.expired"]);
    expect(await t.db.auditLog.count({ where: { action: "supplier.blocked", entityId: ids.s2 } })).toBe(1);

    // An ERP order for it is held: no confirmation flow; the buyer cannot enter one.
    const { orderId } = await ingestPurchaseOrder(t.db, erpOrder(61, S002));
    await drainJobs(t.db);
    expect(await t.db.purchaseOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "open", instanceId: null });
    expect(await t.db.processInstance.count({ where: { recordType: "PurchaseOrder", recordId: orderId } })).toBe(0);
    const held = await listHeldOrders(t.db, await t.actor("liuyang"));
    expect(held.map((h) => [h.number, h.supplier.code])).toEqual([["PUR-00061", "S002"]]);
    await expect(createPurchaseOrder(t.db, await t.actor("lina"), { supplierId: ids.s2, currencyCode: "CNY", lines: [{ productCode: "P-1001", quantity: 10, unitPrice: 1 }] })).rejects.toMatchObject({
      code: "supplier_blocked",
      params: { reasonZh: `营业执照已于 ${factoryDay(doc.validUntil!)} 过期` },
    });
  });

  it("a rejected renewal keeps it blocked; an approved one unblocks it and starts the held order's flow exactly once", async () => {
    await handIn("supplier2", ids.bl, "BL-S002-2", dayIn(365), "reject");
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: ids.s2 } })).blockedAt).not.toBeNull();
    const renewal = await handIn("supplier2", ids.bl, "BL-S002-3", dayIn(730));
    expect(renewal.status).toBe("valid");
    expect(await t.db.supplier.findUniqueOrThrow({ where: { id: ids.s2 } })).toMatchObject({ blockedAt: null });
    expect((await t.db.supplierDocument.findFirstOrThrow({ where: { number: "BL-S002-1" } })).status).toBe("superseded");
    const po = await t.db.purchaseOrder.findFirstOrThrow({ where: { number: "PUR-00061" } });
    expect(po.instanceId).not.toBeNull();
    await runCertificateSweep(t.db);
    await drainJobs(t.db);
    expect(await t.db.processInstance.count({ where: { recordType: "PurchaseOrder", recordId: po.id } })).toBe(1);
    expect(await listHeldOrders(t.db, await t.actor("liuyang"))).toEqual([]);
    expect(await t.db.auditLog.count({ where: { action: "supplier.unblocked", entityId: ids.s2 } })).toBe(1);
  });

  it("keeps each supplier to its own documents in the portal", async () => {
    const supplier1 = await supplierUser(t.db, "supplier1");
    const mine = await listPortalCertificates(t.db, supplier1);
    expect(mine.documents.map((d) => d.number).sort()).toEqual(["BL-S001-1", "ISO-S001-1"]);
    // Another supplier's file cannot be handed in as one's own, nor can a file be stored on another supplier.
    const foreign = await fileOf(ids.s2, "别人的营业执照.pdf");
    await expect(submitSupplierDocument(t.db, supplier1, { typeId: ids.bl, number: "X-1", validUntil: dayIn(100), fileId: foreign })).rejects.toMatchObject({ code: "not_found" });
    expect(await ownerAccessFor("Supplier")!.canWrite(supplier1, ids.s2, t.db)).toBe(false);
    await expect(getSupplierCertificates(t.db, supplier1, ids.s2)).rejects.toMatchObject({ code: "forbidden" });
  });
});
