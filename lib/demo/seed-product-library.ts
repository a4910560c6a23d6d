import "server-only";
import type { EmployeeActor } from "../auth/actor";
import { saveProductCategory } from "../crm/products/product-categories";
import type { ProductCategoryInput } from "../crm/products/product-category.schema";
import { setProductLibrary } from "../crm/products/product-library";
import type { Db } from "../db/client";
import { saveProduct } from "../erp/save-master-data";

const opt = (value: string, labelZh: string, labelEn: string) => ({ value, labelZh, labelEn });

const CATEGORIES: ProductCategoryInput[] = [
  {
    code: "PRECISION", nameZh: "精密零件", nameEn: "Precision parts", sortOrder: 10,
    paramDefs: [
      { key: "material", labelZh: "材质", labelEn: "Material", type: "text", required: true },
      { key: "tolerance", labelZh: "公差", labelEn: "Tolerance", type: "text", unit: "mm", required: true },
      { key: "surface", labelZh: "表面处理", labelEn: "Surface treatment", type: "select", options: [opt("none", "无", "None"), opt("anodize", "阳极氧化", "Anodizing"), opt("hard_chrome", "镀硬铬", "Hard chrome plating"), opt("zinc", "镀锌", "Zinc plating"), opt("passivate", "钝化", "Passivation"), opt("black_oxide", "发黑", "Black oxide")] },
      { key: "drawingNo", labelZh: "图号", labelEn: "Drawing number", type: "text", required: true },
    ],
  },
  {
    code: "SHEET", nameZh: "钣金件", nameEn: "Sheet metal parts", sortOrder: 20,
    paramDefs: [
      { key: "material", labelZh: "材质", labelEn: "Material", type: "text", required: true },
      { key: "thickness", labelZh: "板厚", labelEn: "Thickness", type: "number", unit: "mm", required: true },
      { key: "surface", labelZh: "表面处理", labelEn: "Surface treatment", type: "select", options: [opt("none", "无", "None"), opt("powder", "喷塑", "Powder coating"), opt("brushed", "拉丝", "Brushed"), opt("galvanized", "镀锌", "Galvanized")] },
      { key: "drawingNo", labelZh: "图号", labelEn: "Drawing number", type: "text" },
    ],
  },
  {
    code: "ELECTRIC", nameZh: "电气组件", nameEn: "Electrical assemblies", sortOrder: 30,
    paramDefs: [
      { key: "voltage", labelZh: "额定电压", labelEn: "Rated voltage", type: "number", unit: "V", required: true },
      { key: "current", labelZh: "额定电流", labelEn: "Rated current", type: "number", unit: "A" },
      { key: "protection", labelZh: "防护等级", labelEn: "Protection rating", type: "select", options: [opt("ip54", "IP54", "IP54"), opt("ip65", "IP65", "IP65"), opt("ip67", "IP67", "IP67")] },
      { key: "certification", labelZh: "认证", labelEn: "Certification", type: "select", options: [opt("ccc", "CCC", "CCC"), opt("ce", "CE", "CE"), opt("none", "无", "None")] },
    ],
  },
];

/** Products a make-to-order precision manufacturer sells, besides the purchased ones the SRM demo uses. */
const PRODUCTS = [
  { code: "P-4001", name: "精密轴套 Φ20×35", unitCode: "PCS", params: { spec: "Φ20×35" } },
  { code: "P-4002", name: "铝合金连接法兰 DN50", unitCode: "PCS", params: { spec: "DN50" } },
  { code: "P-4003", name: "液压阀体", unitCode: "PCS", params: {} },
  { code: "P-5001", name: "不锈钢控制柜外壳 600×400×200", unitCode: "PCS", params: { spec: "600×400×200" } },
  { code: "P-5002", name: "冷轧钢板机箱 2U", unitCode: "PCS", params: { spec: "483×88×450" } },
  { code: "P-6001", name: "伺服电机接线组件", unitCode: "PCS", params: {} },
  { code: "P-6002", name: "控制板组件（含线束）", unitCode: "PCS", params: {} },
];

const ASSIGN: Record<string, { category: string; techParams: Record<string, string | number> }> = {
  "P-4001": { category: "PRECISION", techParams: { material: "45# 钢调质", tolerance: "±0.01", surface: "hard_chrome", drawingNo: "DWG-BS-2035" } },
  "P-4002": { category: "PRECISION", techParams: { material: "6061-T6 铝合金", tolerance: "±0.02", surface: "anodize", drawingNo: "DWG-FL-0050" } },
  "P-4003": { category: "PRECISION", techParams: { material: "QT500-7 球墨铸铁", tolerance: "±0.02", surface: "zinc", drawingNo: "HV-2026-018" } },
  "P-1002": { category: "PRECISION", techParams: { material: "6063-T5 铝合金", tolerance: "±0.05", surface: "anodize", drawingNo: "DWG-HS-0640" } },
  "P-5001": { category: "SHEET", techParams: { material: "SUS304 不锈钢", thickness: 1.5, surface: "brushed", drawingNo: "DWG-CB-6042" } },
  "P-5002": { category: "SHEET", techParams: { material: "冷轧钢板", thickness: 1.2, surface: "powder", drawingNo: "DWG-CH-2U01" } },
  "P-6001": { category: "ELECTRIC", techParams: { voltage: 380, current: 10, protection: "ip65", certification: "ccc" } },
  "P-6002": { category: "ELECTRIC", techParams: { voltage: 24, current: 3, protection: "ip54", certification: "ce" } },
};

/** The product library's demo categories, the sold products, and their categories and parameters; once. */
export async function seedProductLibrary(db: Db, admin: EmployeeActor, log: (m: string) => void) {
  if (await db.productCategory.count()) return;
  const known = new Set((await db.product.findMany({ select: { code: true } })).map((p) => p.code));
  for (const p of PRODUCTS) if (!known.has(p.code)) await saveProduct(db, admin, p);
  const ids = new Map<string, string>();
  for (const c of CATEGORIES) ids.set(c.code, (await saveProductCategory(db, admin, null, c)).id);
  for (const [code, a] of Object.entries(ASSIGN)) {
    const product = await db.product.findUnique({ where: { code }, select: { id: true } });
    if (product) await setProductLibrary(db, admin, { productId: product.id, categoryId: ids.get(a.category), techParams: a.techParams });
  }
  log(`product library: ${CATEGORIES.length} categories`);
}
