import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** For the opportunity page: a sales contract filled from this opportunity (the new-contract page shows the template before making it). */
export function CreateContractLink({ opportunityId }: { opportunityId: string }) {
  const t = useTranslations("contracts.opportunity");
  return <Link href={`/crm/contracts/new?opportunity=${opportunityId}`} className={buttonVariants({ size: "sm", variant: "secondary" })} data-testid="opportunity-create-contract">{t("create")}</Link>;
}
