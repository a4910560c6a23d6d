import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { renderPdf } from "../../pdf/render-pdf";
import { contractPdfDocument } from "./contract-pdf-document";
import { getContract } from "./get-contract";

/**
 * The contract's current version as a PDF for whoever may see the contract (not_found
 * otherwise), with the file name to save it as. The seller is the organisation's root.
 */
export async function renderContractPdf(db: Db, who: Actor | null, id: string) {
  const c = await getContract(db, who, id);
  const seller = await db.department.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" }, select: { nameZh: true, nameEn: true } });
  const current = c.versions[c.versions.length - 1];
  const date = (c.signedAt ?? c.approvedAt ?? current.createdAt).toISOString().slice(0, 10);
  const pdf = await renderPdf(
    contractPdfDocument({
      number: c.number,
      template: c.template,
      version: current.version,
      date,
      seller: { nameZh: seller?.nameZh ?? "", nameEn: seller?.nameEn ?? "" },
      buyer: { name: c.customer.name, code: c.customer.code, address: c.customer.address, contact: [c.customer.contactName, c.customer.contactPhone].filter(Boolean).join(" ") || null, taxCode: c.customer.creditCode ?? c.customer.taxCode },
      terms: current.terms,
    }),
  );
  return { pdf, fileName: `销售合同-${c.number}-v${current.version}.pdf` };
}
