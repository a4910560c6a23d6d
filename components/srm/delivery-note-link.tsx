import { useTranslations } from "next-intl";

/** The delivery note (PDF) of a plan, in a new tab; none for a cancelled plan. `base` is the realm's path (/portal or /srm). */
export function DeliveryNoteLink({ base, planId, status }: { base: "/portal" | "/srm"; planId: string; status: string }) {
  const t = useTranslations("deliveryNote");
  if (status === "cancelled") return null;
  return (
    <a href={`${base}/deliveries/${planId}/note`} target="_blank" rel="noopener" title={t("downloadTitle")} data-testid="delivery-note-link" className="block font-sans text-xs font-normal text-brand-700 hover:underline">
      {t("download")}
    </a>
  );
}
