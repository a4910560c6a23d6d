import "server-only";
import type { Db } from "../db/client";

/**
 * A library category with technical parameters, a product in it and one open opportunity
 * (gaoyan's hydraulics customer), so product requirements and liaison forms (CRM-7, CRM-8)
 * can be tried before any opportunity is entered; once. Upserts by code: the product
 * library's own demo data may define the same category.
 */
export async function seedRequirementDemo(db: Db, log: (m: string) => void) {
  if (await db.opportunity.findUnique({ where: { code: "OP800001" } })) return;
  const customer = await db.customer.findFirst({ where: { name: "江苏恒立液压股份有限公司" }, select: { id: true, ownerId: true, teamId: true, name: true } });
  if (!customer?.ownerId) return;
  const category = await db.productCategory.upsert({
    where: { code: "PRECISION" },
    update: {},
    create: {
      code: "PRECISION",
      nameZh: "精密零件",
      nameEn: "Precision parts",
      paramDefs: [
        { key: "material", labelZh: "材料", labelEn: "Material", type: "text", options: [], unit: null, required: true },
        { key: "tolerance", labelZh: "公差", labelEn: "Tolerance", type: "number", options: [], unit: "mm", required: false },
        { key: "surface", labelZh: "表面处理", labelEn: "Surface treatment", type: "select", options: [{ value: "anodize", labelZh: "阳极氧化", labelEn: "Anodised" }, { value: "zinc", labelZh: "镀锌", labelEn: "Zinc plated" }], unit: null, required: false },
        { key: "drawingNo", labelZh: "图号", labelEn: "Drawing number", type: "text", options: [], unit: null, required: false },
      ],
    },
  });
  await db.product.upsert({
    where: { code: "P-VALVE-BODY" },
    update: {},
    create: { code: "P-VALVE-BODY", name: "液压阀体", categoryId: category.id, techParams: { material: "QT500-7", tolerance: 0.02, surface: "zinc", drawingNo: "HV-2026-018" } },
  });
  await db.opportunity.create({ data: { code: "OP800001", name: "恒立液压阀体年度项目", customerId: customer.id, ownerId: customer.ownerId, teamId: customer.teamId, stage: "solution", probability: 30, createdById: customer.ownerId } });
  log(`opportunity OP800001 for ${customer.name}`);
}
