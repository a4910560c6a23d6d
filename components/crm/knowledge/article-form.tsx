"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createArticleAction, updateArticleAction } from "@/app/(workbench)/crm/knowledge/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type Article = { id: string; title: string; categoryId: string; body: string };

/** Writes a new knowledge article or changes one (knowledge.edit); on success, the article's page. */
export function ArticleForm({ categories, article }: { categories: { id: string; label: string }[]; article?: Article }) {
  const t = useTranslations("knowledge.form");
  const router = useRouter();
  const create = useAction(createArticleAction);
  const update = useAction(updateArticleAction);
  const save = article ? update : create;
  const err = save.fieldError;
  return (
    <Card className="max-w-3xl">
      <form
        className="space-y-4"
        noValidate
        data-testid="article-form"
        onSubmit={(e) => {
          e.preventDefault();
          const input = Object.fromEntries(new FormData(e.currentTarget));
          const open = ({ id }: { id: string }) => router.push(`/crm/knowledge/${id}`);
          if (article) update.run({ id: article.id, input }, open);
          else create.run(input, open);
        }}
      >
        <Field id="ka-title" label={t("title")} error={err("title")}>
          <Input id="ka-title" name="title" maxLength={120} defaultValue={article?.title} aria-invalid={!!err("title")} />
        </Field>
        <Field id="ka-category" label={t("category")} error={err("categoryId")}>
          <Select id="ka-category" name="categoryId" defaultValue={article?.categoryId ?? ""} aria-invalid={!!err("categoryId")}>
            <option value="">{t("chooseCategory")}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </Select>
        </Field>
        <Field id="ka-body" label={t("body")} hint={t("bodyHint")} error={err("body")}>
          <textarea id="ka-body" name="body" rows={16} maxLength={20_000} defaultValue={article?.body} aria-invalid={!!err("body")}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm leading-6 focus:border-brand-600 focus:outline-none" />
        </Field>
        {!article ? <p className="text-xs text-slate-500">{t("attachmentsAfter")}</p> : null}
        {save.error && !Object.keys(save.error.fieldErrors ?? {}).length ? <Alert>{save.error.message}</Alert> : null}
        <Button type="submit" disabled={save.pending} data-testid="article-submit">{save.pending ? t("submitting") : article ? t("save") : t("submit")}</Button>
      </form>
    </Card>
  );
}
