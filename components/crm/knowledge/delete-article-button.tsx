"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { deleteArticleAction } from "@/app/(workbench)/crm/knowledge/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Deletes the article after a confirmation, then back to the list. */
export function DeleteArticleButton({ id }: { id: string }) {
  const t = useTranslations("knowledge.article");
  const router = useRouter();
  const del = useAction(deleteArticleAction);
  return (
    <>
      <Button type="button" variant="danger" size="sm" disabled={del.pending} data-testid="article-delete"
        onClick={() => window.confirm(t("confirmDelete")) && del.run({ id }, () => router.push("/crm/knowledge"))}>
        {del.pending ? t("deleting") : t("delete")}
      </Button>
      {del.error ? <Alert>{del.error.message}</Alert> : null}
    </>
  );
}
