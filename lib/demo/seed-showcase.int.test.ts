import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds } from "@/test/db";
import { erpTestDb } from "@/test/erp/erp-db";
import { blockReasonText } from "../srm/certificates/block-reason";
import { daysLeft } from "../srm/certificates/certificate-dates";
import { now } from "../workflow/clock";
import { seedShowcase } from "./seed-showcase";

const kinds = await dbKinds();

describe.each(kinds)("the demo showcase on %s", (kind) => {
  let t: Awaited<ReturnType<typeof erpTestDb>>;
  let seconds = 0;
  beforeAll(async () => {
    t = await erpTestDb(kind);
    const t0 = Date.now();
    await seedShowcase(t.db);
    seconds = (Date.now() - t0) / 1000;
    console.log(`showcase seeded on ${kind} in ${seconds.toFixed(1)} s`);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  const supplier = (code: string) => t.db.supplier.findUniqueOrThrow({ where: { code } });
  const s001Orders = async () => t.db.purchaseOrder.findMany({ where: { supplier: { code: "S001" } }, include: { lines: true }, orderBy: { number: "asc" } });

  it("has suppliers in every status, two of them blocked by an expired mandatory document", async () => {
    const byStatus = await t.db.supplier.groupBy({ by: ["status"], where: { code: { startsWith: "S1" } }, _count: true });
    expect(Object.fromEntries(byStatus.map((g) => [g.status, g._count]))).toEqual({ registered: 4, potential: 4, active: 13, suspended: 3 });
    // The registered ones wait in purchasing's inbox for their initial review.
    const reviews = await t.db.task.findMany({ where: { elementId: "initial_review", status: "open" }, include: { instance: { select: { businessKey: true } } } });
    expect(reviews.map((r) => r.instance.businessKey).sort()).toEqual(["S101", "S102", "S103", "S104"]);
    expect(reviews.every((r) => r.candidateGroups.includes("purchasing"))).toBe(true);
    const blocked = await t.db.supplier.findMany({ where: { blockedAt: { not: null } }, orderBy: { code: "asc" } });
    expect(blocked.map((s) => s.code)).toEqual(["S120", "S121"]);
    expect(blockReasonText(blocked[0].blockedReason, "zh-CN")).toMatch(/^ISO 9001 质量管理体系认证已于 \d{4}-\d\d-\d\d 过期$/);
    expect(blockReasonText(blocked[1].blockedReason, "zh-CN")).toMatch(/^营业执照已于 \d{4}-\d\d-\d\d 过期$/);
    expect(await t.db.auditLog.count({ where: { action: "supplier.blocked", entityId: { in: blocked.map((b) => b.id) } } })).toBe(2);
  });

  it("has valid documents and ones expiring within 30 days, within 7 days, and expired, with the reminders sent", async () => {
    const docs = await t.db.supplierDocument.findMany({ where: { status: "valid" }, select: { validUntil: true } });
    const left = docs.map((d) => daysLeft(d.validUntil!, now()));
    const band = (f: (n: number) => boolean) => left.filter(f).length;
    expect(band((n) => n > 30)).toBe(19);
    expect(band((n) => n > 7 && n <= 30)).toBe(4); // S110, S113, S116 and S002's licence
    expect(band((n) => n >= 0 && n <= 7)).toBe(3);
    expect(band((n) => n < 0)).toBe(3);
    expect(await t.db.supplierDocument.count({ where: { status: { not: "valid" } } })).toBe(0);
    expect(await t.db.notification.count({ where: { recipientRealm: "supplier", kind: "certificate.expired" } })).toBe(3);
  });

  it("gives S001 orders in every state, one received with a rejected quantity and its return", async () => {
    const orders = await s001Orders();
    const count = (status: string) => orders.filter((o) => o.status === status).length;
    // The demo's own order plus the showcase's.
    expect(orders).toHaveLength(8);
    // Confirmed: awaiting shipment, shipped, and the one whose 40 rejected pieces are still due.
    expect({ open: count("open"), confirmed: count("confirmed"), received: count("received"), declined: count("declined") }).toEqual({ open: 3, confirmed: 3, received: 1, declined: 1 });
    expect(orders.find((o) => o.status === "declined")?.declineReason).toBe("该型号注塑模具正在返修，本月无法排产");
    const tasks = await t.db.task.findMany({ where: { status: "open", instance: { OR: [{ recordType: "PurchaseOrder" }, { recordType: "DeliveryPlan" }] } }, select: { elementId: true } });
    const open = tasks.map((x) => x.elementId);
    for (const e of ["supplier_confirm", "buyer_review", "acknowledge_decline", "supplier_ship", "pre_receipt"]) expect(open, e).toContain(e);
    const plans = await t.db.deliveryPlan.findMany({ where: { supplier: { code: "S001" } }, select: { status: true } });
    expect(plans.map((p) => p.status).sort()).toEqual(["planned", "received", "received", "shipped"]);
    const receipts = await t.db.goodsReceipt.findMany({ where: { supplier: { code: "S001" } }, include: { lines: true } });
    expect(receipts).toHaveLength(2);
    const rejected = receipts.flatMap((r) => r.lines).filter((l) => Number(l.rejectedQuantity) > 0);
    expect(rejected.map((l) => [l.lotNumber, Number(l.acceptedQuantity), Number(l.rejectedQuantity)])).toEqual([["HS2411-B", 160, 40]]);
    const returns = await t.db.supplierReturn.findMany({ where: { supplier: { code: "S001" } }, include: { lines: true } });
    expect(returns.flatMap((r) => r.lines.map((l) => [l.lotNumber, Number(l.quantity), l.defectType]))).toEqual([["HS2411-B", 40, "appearance"]]);
  });

  it("leaves S002 a bank account change waiting for finance", async () => {
    const s002 = await supplier("S002");
    const change = await t.db.supplierChange.findFirstOrThrow({ where: { supplierId: s002.id } });
    expect(change.status).toBe("pending");
    expect(change.changes).toMatchObject({ bankAccount: { from: null, to: "3568772019460018 5".replace(" ", "") } });
    expect(s002.bankAccount).toBeNull();
    const task = await t.db.task.findFirstOrThrow({ where: { status: "open", instance: { businessKey: change.number } } });
    expect(task).toMatchObject({ elementId: "finance_review", candidateGroups: ["finance"] });
  });

  it("adds nothing when run again", async () => {
    const snapshot = async () => ({
      suppliers: await t.db.supplier.count(),
      documents: await t.db.supplierDocument.count(),
      orders: await t.db.purchaseOrder.count(),
      changes: await t.db.supplierChange.count(),
      tasks: await t.db.task.count(),
      instances: await t.db.processInstance.count(),
      audit: await t.db.auditLog.count(),
      notifications: await t.db.notification.count(),
    });
    const before = await snapshot();
    await seedShowcase(t.db);
    expect(await snapshot()).toEqual(before);
  });
});
