import "server-only";
import type { EmployeeActor } from "../auth/actor";
import type { Db } from "../db/client";
import { saveCertificateType, saveSupplierCategory, setCertificateRequirement } from "../srm/certificates/certificate-setup";
import { setSupplierCategories } from "../srm/certificates/set-supplier-categories";

const CATEGORIES = [
  { code: "RAW", nameZh: "原材料", nameEn: "Raw materials" },
  { code: "MACH", nameZh: "机加工件", nameEn: "Machined parts" },
  { code: "ELEC", nameZh: "电子元器件", nameEn: "Electronic components" },
  { code: "PACK", nameZh: "包装材料", nameEn: "Packaging" },
  { code: "SERV", nameZh: "服务", nameEn: "Services" },
];

const TYPES = [
  { code: "BL", nameZh: "营业执照", nameEn: "Business licence", validityRequired: true },
  { code: "ISO9001", nameZh: "ISO 9001 质量管理体系认证", nameEn: "ISO 9001 certificate", validityRequired: true },
  { code: "ISO14001", nameZh: "ISO 14001 环境管理体系认证", nameEn: "ISO 14001 certificate", validityRequired: true },
  { code: "IATF16949", nameZh: "IATF 16949 汽车质量管理体系认证", nameEn: "IATF 16949 certificate", validityRequired: true },
  { code: "PRODUCT", nameZh: "产品认证", nameEn: "Product certificate", validityRequired: true },
];

/** Electronic components need a licence and ISO 9001; the other categories nothing yet (the administrator decides). */
const REQUIRED = [
  { category: "ELEC", type: "BL" },
  { category: "ELEC", type: "ISO9001" },
];

const SUPPLIER_CATEGORIES: Record<string, string[]> = { S001: ["MACH"], S002: ["RAW", "PACK"] };

/** The demo's supplier categories and document types, made through the domain functions; safe to run again. */
export async function seedCertificates(db: Db, admin: EmployeeActor) {
  if (await db.supplierCategory.count()) return;
  const categories = new Map<string, string>();
  for (const c of CATEGORIES) categories.set(c.code, (await saveSupplierCategory(db, admin, c)).id);
  const types = new Map<string, string>();
  for (const t of TYPES) types.set(t.code, (await saveCertificateType(db, admin, t)).id);
  for (const r of REQUIRED) await setCertificateRequirement(db, admin, { categoryId: categories.get(r.category), typeId: types.get(r.type), required: true });
  for (const [code, wanted] of Object.entries(SUPPLIER_CATEGORIES)) {
    const supplier = await db.supplier.findUnique({ where: { code }, select: { id: true } });
    if (supplier) await setSupplierCategories(db, admin, { supplierId: supplier.id, categoryIds: wanted.map((w) => categories.get(w)) });
  }
}
