"use client";

import { ChevronRight, PlayCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { startProcessAction } from "@/app/(workbench)/inbox/start/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { randomId } from "@/components/ui/random-id";
import type { SupplierPick } from "@/lib/inbox/list-pickers";
import type { MemberPick } from "@/lib/org/department-members";
import type { StartableProcess } from "@/lib/inbox/list-startable-processes";
import { FormFields, formData, type FormValues } from "./form-fields";

/** Pick a startable process, fill in its start form, start it; the business key comes back. */
export function StartProcessView({ processes, selectedKey, suppliers, members }: { processes: StartableProcess[]; selectedKey: string | null; suppliers: SupplierPick[]; members: MemberPick[] }) {
  const t = useTranslations("inbox.start");
  const zh = useLocale() === "zh-CN";
  const selected = processes.find((p) => p.key === selectedKey) ?? null;
  const [values, setValues] = useState<FormValues>({});
  const [started, setStarted] = useState<{ businessKey: string } | null>(null);
  // One submission token per filled-in form: sending it twice (a double click, a retry
  // after a lost answer) starts one instance. A new form gets a new token.
  const [startKey, setStartKey] = useState(() => randomId());
  const start = useAction(startProcessAction);

  if (processes.length === 0) return <Card><p className="text-sm text-slate-600">{t("none")}</p></Card>;

  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section className="space-y-2 lg:col-span-1" aria-labelledby="startable-heading">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <h2 id="startable-heading" className="pt-2 text-sm font-semibold text-slate-700">{t("choose")}</h2>
        <ul className="space-y-2">
          {processes.map((p) => (
            <li key={p.key}>
              <Link
                href={`/inbox/start?key=${encodeURIComponent(p.key)}`}
                aria-current={p.key === selected?.key ? "true" : undefined}
                data-testid={`start-${p.key}`}
                className={cn(
                  "flex items-center gap-3 rounded-lg border bg-white p-3 shadow-sm hover:border-brand-600",
                  p.key === selected?.key ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200",
                )}
              >
                <PlayCircle className="h-5 w-5 shrink-0 text-brand-600" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{p.name}</span>
                  <span className="block text-xs text-slate-500">{zh ? p.form.titleZh : p.form.titleEn} · {t("version", { version: p.version })}</span>
                </span>
                <ChevronRight className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {selected ? (
        <Card className="lg:col-span-2">
          <h2 className="mb-1 text-base font-semibold">{selected.name}</h2>
          <p className="mb-4 text-sm text-slate-500">{t("fill", { form: zh ? selected.form.titleZh : selected.form.titleEn })}</p>
          {started ? (
            <div className="space-y-3">
              <Alert tone="success">
                <span data-testid="started-business-key" data-business-key={started.businessKey}>{t("started", { businessKey: started.businessKey })}</span>
              </Alert>
              <div className="flex flex-wrap gap-2">
                <Link href="/inbox?view=started" className={buttonVariants({ size: "sm" })}>{t("toStarted")}</Link>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    setValues({});
                    setStarted(null);
                    setStartKey(randomId());
                  }}
                >
                  {t("another")}
                </Button>
              </div>
            </div>
          ) : (
            <form
              className="space-y-4"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                start.run({ key: selected.key, data: formData(selected.form, values), startKey }, (r) => setStarted({ businessKey: r.businessKey ?? "" }));
              }}
            >
              {start.error ? <Alert>{start.error.message}</Alert> : null}
              <FormFields
                form={selected.form}
                idPrefix="start"
                values={values}
                onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))}
                errors={start.error?.fieldErrors}
                suppliers={suppliers}
                members={members}
                disabled={start.pending}
              />
              <div className="flex justify-end">
                <Button type="submit" disabled={start.pending} data-testid="start-submit">
                  {start.pending ? t("submitting") : t("submit")}
                </Button>
              </div>
            </form>
          )}
        </Card>
      ) : null}
    </div>
  );
}
