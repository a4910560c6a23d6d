import "server-only";
import type { Db } from "../db/client";
import { loadConnection } from "../erp/connection";
import { runCertificateSweep } from "../srm/certificates/certificate-sweep";
import { proposeSupplierChange, SUPPLIER_CHANGE } from "../srm/supplier-change/propose-supplier-change";
import { DEMO_PASSWORD } from "./seed";
import { complete, employeeActor, settle } from "./showcase-kit";
import { handInDocument, makeShowcaseSupplier, type ShowcaseCrew } from "./showcase-make-suppliers";
import { seedShowcaseOrders } from "./showcase-orders";
import { SHOWCASE_SUPPLIERS } from "./showcase-suppliers";

/** The flows the showcase drives; without them published (or with an external ERP) it is skipped. */
const FLOWS = ["supplier_initial_review", "supplier_document_review", "supplier_change", "purchase_order_confirmation", "supplier_delivery"];

/**
 * The showcase for demonstrations, on top of seedDemo: two dozen suppliers in every
 * status with documents in every validity band (two blocked by an expired mandatory
 * one), S001's orders in every state (one received with a partial rejection and its
 * return), and for S002 a bank change waiting for finance and a licence about to expire.
 * Everything goes through the use-cases and the shipped flows; dates are relative to
 * today. Each part is made once (guarded by its supplier code, order token or record),
 * so running it again adds nothing. Not for the tests' demo data: boot and db:seed run
 * it unless SEED_SHOWCASE=0.
 */
export async function seedShowcase(db: Db, log: (m: string) => void = () => {}) {
  if ((await loadConnection(db)).kind !== "builtin") return log("showcase skipped: an external ERP is connected");
  if ((await db.processDefinition.findMany({ where: { key: { in: FLOWS }, status: "published" }, distinct: ["key"], select: { key: true } })).length < FLOWS.length) {
    return log("showcase skipped: its flows are not published");
  }
  const crew: ShowcaseCrew = { admin: await employeeActor(db, "admin"), buyer: await employeeActor(db, "lina"), lead: await employeeActor(db, "liuyang"), quality: await employeeActor(db, "chenjing") };
  let made = 0;
  const known = new Set((await db.supplier.findMany({ where: { code: { in: SHOWCASE_SUPPLIERS.map((s) => s.code) } }, select: { code: true } })).map((s) => s.code));
  for (const s of SHOWCASE_SUPPLIERS) {
    if (known.has(s.code)) continue;
    await makeShowcaseSupplier(db, crew, s, DEMO_PASSWORD);
    log(`showcase supplier ${s.code} (${s.status})`);
    made++;
  }
  made += await seedS002(db, crew, log);
  await seedShowcaseOrders(db, log);
  // Reminders for the documents expiring or expired, and the blocked state, as the nightly sweep sets them.
  if (made) await runCertificateSweep(db);
  await settle(db);
}

/** S002: a licence that expires in 20 days, and a bank account change purchasing passed on to finance. */
async function seedS002(db: Db, crew: ShowcaseCrew, log: (m: string) => void) {
  const s002 = await db.supplier.findUnique({ where: { code: "S002" } });
  if (!s002 || !(await db.supplierUser.count({ where: { username: "supplier2" } }))) return 0;
  let made = 0;
  const licence = await db.certificateType.findUnique({ where: { code: "BL" } });
  if (licence && !(await db.supplierDocument.count({ where: { supplierId: s002.id, typeId: licence.id } }))) {
    await handInDocument(db, crew, "supplier2", "S002", ["BL", 20]);
    log("showcase S002 licence");
    made++;
  }
  if (!(await db.supplierChange.count({ where: { supplierId: s002.id } }))) {
    const change = await proposeSupplierChange(db, crew.buyer, {
      supplierId: s002.id,
      name: s002.name,
      taxCode: s002.taxCode,
      paymentTermCode: s002.paymentTermCode,
      contactName: s002.contactName,
      contactPhone: s002.contactPhone,
      address: s002.address,
      bankName: "中国银行宁波北仑支行",
      bankAccount: "3568 7720 1946 0018 5",
      reason: "供应商来函：基本户开户行变更，附银行开户许可证",
    });
    await settle(db);
    const review = await db.task.findFirstOrThrow({ where: { elementId: "purchasing_review", status: "open", instance: { businessKey: change.number, definition: { key: SUPPLIER_CHANGE.key } } } });
    await complete(db, crew.lead, review.instanceId, "purchasing_review", { decision: "approve", comment: "已电话核实，转财务审核" });
    log(`showcase S002 bank change ${change.number}`);
    made++;
  }
  return made;
}
