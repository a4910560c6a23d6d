"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { commentTaskAction } from "@/app/(workbench)/inbox/[taskId]/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CommentRow } from "@/lib/inbox/list-task-comments";
import { textareaClass } from "./form-fields";
import { DateTime } from "./format-date";

/** Comments on the instance's tasks, and a box to add one to this task. */
export function TaskComments({ taskId, comments, canComment }: { taskId: string; comments: CommentRow[]; canComment: boolean }) {
  const t = useTranslations("inbox.comments");
  const [body, setBody] = useState("");
  const post = useAction(commentTaskAction);
  return (
    <div className="space-y-3">
      {comments.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
      <ul className="space-y-3" data-testid="comments">
        {comments.map((c) => (
          <li key={c.id} className="rounded-md bg-slate-50 p-2.5" data-testid="comment">
            <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
              <span className="font-medium text-slate-700">{c.authorName}</span>
              <DateTime value={c.createdAt} />
              {c.taskName ? <span>{t("onTask", { task: c.taskName })}</span> : null}
            </div>
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{c.body}</p>
          </li>
        ))}
      </ul>
      {canComment ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            post.run({ taskId, body }, () => setBody(""));
          }}
        >
          {post.error ? <Alert>{post.error.fieldErrors?.body ?? post.error.message}</Alert> : null}
          <label htmlFor="comment-body" className="sr-only">{t("label")}</label>
          <textarea id="comment-body" className={textareaClass} value={body} maxLength={4000} placeholder={t("placeholder")} onChange={(e) => setBody(e.target.value)} data-testid="comment-body" />
          <div className="flex justify-end">
            <Button type="submit" size="sm" disabled={post.pending || !body.trim()} data-testid="comment-post">
              {post.pending ? t("posting") : t("post")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
