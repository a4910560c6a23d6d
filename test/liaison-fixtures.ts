import type { Db } from "@/lib/db/client";

/**
 * An opportunity for a demo customer, a library category with parameter definitions and a
 * product with values (the opportunity pages and the product library are h-opps' work;
 * these rows stand in for them in the requirement and liaison tests).
 */
export async function seedOpportunity(db: Db, customerName: string, code: string) {
  const customer = await db.customer.findFirstOrThrow({ where: { name: customerName } });
  const category = await db.productCategory.upsert({
    where: { code: "TEST-SHAFTS" },
    update: {},
    create: {
      code: "TEST-SHAFTS",
      nameZh: "传动轴类",
      nameEn: "Precision parts",
      paramDefs: [
        { key: "material", labelZh: "材料", labelEn: "Material", type: "text", options: [], unit: null, required: true },
        { key: "tolerance", labelZh: "公差", labelEn: "Tolerance", type: "number", options: [], unit: "mm", required: false },
        { key: "surface", labelZh: "表面处理", labelEn: "Surface", type: "select", options: [{ value: "anodize", labelZh: "阳极氧化", labelEn: "Anodised" }], unit: null, required: false },
      ],
    },
  });
  const product = await db.product.upsert({
    where: { code: "P-SHAFT-01" },
    update: {},
    create: { code: "P-SHAFT-01", name: "精密传动轴", categoryId: category.id, techParams: { material: "42CrMo", tolerance: 0.01, surface: "anodize" } },
  });
  const opportunity = await db.opportunity.create({ data: { code, name: `${customer.name}传动轴项目`, customerId: customer.id, ownerId: customer.ownerId!, teamId: customer.teamId, createdById: customer.ownerId! } });
  return { customer, category, product, opportunity };
}
