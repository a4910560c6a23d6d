import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { cn } from "./cn";

/** "← back to the list" above a detail page. */
export function BackLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900", className)}>
      <ArrowLeft className="h-4 w-4" aria-hidden />
      {children}
    </Link>
  );
}
