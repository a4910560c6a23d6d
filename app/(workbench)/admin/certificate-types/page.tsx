import { getTranslations } from "next-intl/server";
import { CertificateSetupView } from "@/components/certificates/certificate-setup-view";
import { PageHeader } from "@/components/ui/card";
import { employeeWithPermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listCertificateSetup } from "@/lib/srm/certificates/certificate-setup";

/** Supplier document types, supplier categories and the mandatory documents per category (administrators). */
export default async function CertificateTypesPage() {
  const actor = await employeeWithPermission("org.manage");
  const [t, setup] = await Promise.all([getTranslations("certificates.admin"), listCertificateSetup(await getDb(), actor)]);
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <CertificateSetupView setup={setup} />
    </div>
  );
}
