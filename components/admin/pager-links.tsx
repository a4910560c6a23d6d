import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Previous/next as plain links, for server-rendered lists. */
export function PagerLinks({ page, pageCount, total, href }: { page: number; pageCount: number; total: number; href: (page: number) => string }) {
  const t = useTranslations("common");
  const link = (to: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={href(to)} className={buttonVariants({ variant: "secondary", size: "sm" })}>{label}</Link>
    ) : (
      <span aria-disabled className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")}>{label}</span>
    );
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>{t("total", { count: total })}</span>
      <div className="flex items-center gap-2">
        {link(page - 1, t("previous"), page > 1)}
        <span className="whitespace-nowrap tabular-nums">{t("pageOf", { page, pages: pageCount })}</span>
        {link(page + 1, t("next"), page < pageCount)}
      </div>
    </nav>
  );
}
