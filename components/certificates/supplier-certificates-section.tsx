import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { getSupplierCertificates } from "@/lib/srm/certificates/list-supplier-documents";
import { SupplierCategoriesEdit } from "./supplier-categories-edit";
import { SupplierDocumentsTable } from "./supplier-documents-table";

type Certificates = Awaited<ReturnType<typeof getSupplierCertificates>>;

/** The archive's certificates: the supplier's categories (changed by purchasing), the mandatory documents it lacks, its documents. */
export function SupplierCertificatesSection({ data, canManage }: { data: Certificates; canManage: boolean }) {
  const t = useTranslations("certificates.archive");
  const en = useLocale().startsWith("en");
  const name = (c: { nameZh: string; nameEn: string }) => (en ? c.nameEn : c.nameZh);
  const mine = data.categories.filter((c) => data.categoryIds.includes(c.id));
  return (
    <section className="mt-6 space-y-3" data-testid="archive-certificates">
      <h2 className="text-base font-semibold text-slate-900">{t("section")}</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-500">{t("categories")}</span>
        {mine.length ? mine.map((c) => <Badge key={c.id} className="bg-brand-50 text-brand-700" data-testid="supplier-category">{name(c)}</Badge>) : <span className="text-slate-500">{t("noCategories")}</span>}
      </div>
      {canManage ? <SupplierCategoriesEdit supplierId={data.supplierId} options={data.categories.map((c) => ({ value: c.id, label: name(c) }))} value={data.categoryIds} /> : null}
      {data.missing.length ? (
        <p className="text-sm text-amber-800" data-testid="missing-documents">{t("missing", { types: data.missing.map(name).join(en ? ", " : "、") })}</p>
      ) : data.blockedAt ? null : (
        <p className="text-sm text-slate-600" data-testid="missing-documents">{t("complete")}</p>
      )}
      <SupplierDocumentsTable rows={data.documents} />
    </section>
  );
}
