"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { allocateStageAction } from "@/app/(workbench)/crm/liaison/actions";
import { useAction } from "@/components/admin/use-action";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

/** The department head picks who works on a stage (a person of the department, or themself). */
export function AllocateStageForm({ formId, stageId, candidates }: { formId: string; stageId: string; candidates: { id: string; name: string }[] }) {
  const t = useTranslations("liaison.detail");
  const router = useRouter();
  const allocate = useAction(allocateStageAction);
  const [who, setWho] = useState(candidates[0]?.id ?? "");
  return (
    <form className="flex flex-wrap items-center gap-2" data-testid="allocate-form"
      onSubmit={(e) => {
        e.preventDefault();
        allocate.run({ formId, stageId, employeeId: who }, () => router.refresh());
      }}>
      <Select aria-label={t("allocateTo")} value={who} onChange={(e) => setWho(e.target.value)} className="w-40" data-testid="allocate-person">
        {candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </Select>
      <Button type="submit" size="sm" disabled={allocate.pending || !who} data-testid="allocate-submit">{t("allocate")}</Button>
      {allocate.error ? <span role="alert" className="text-xs text-red-700">{allocate.error.fieldErrors?.employeeId ?? allocate.error.message}</span> : null}
    </form>
  );
}
