import Link from "next/link";
import { buttonVariants } from "./button";
import { cn } from "./cn";

/**
 * The filter bar of a server-rendered list: a GET form (so a filtered list has an
 * address), its fields in a grid, then "search" and "reset" (back to the plain path).
 */
export function FilterForm(props: { className: string; actionsClassName: string; submitLabel: string; resetLabel: string; resetHref: string; children: React.ReactNode }) {
  return (
    <form method="get" className={cn("grid gap-2 rounded-lg border border-slate-200 bg-white p-3", props.className)} role="search">
      {props.children}
      <div className={cn("flex items-end gap-2", props.actionsClassName)}>
        <button type="submit" className={buttonVariants({ size: "sm" })}>{props.submitLabel}</button>
        <Link href={props.resetHref} className={buttonVariants({ variant: "ghost", size: "sm" })}>{props.resetLabel}</Link>
      </div>
    </form>
  );
}
