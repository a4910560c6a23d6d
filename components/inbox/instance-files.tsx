"use client";

import { Download, Paperclip, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { InstanceFile } from "@/lib/inbox/list-instance-files";
import { DateTime } from "./format-date";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function FileList({ files, testId }: { files: InstanceFile[]; testId: string }) {
  const t = useTranslations("inbox.files");
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {files.map((f) => (
        <li key={f.id} className="flex items-center gap-2 py-2 text-sm" data-testid="file" data-owner-type={f.ownerType}>
          <Paperclip className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <span className="min-w-0 flex-1">
            <a href={`/api/files/${f.id}`} className="block truncate text-brand-700 hover:underline" download={f.name}>{f.name}</a>
            <span className="text-xs text-slate-500">{size(f.size)} · <DateTime value={f.createdAt} /></span>
          </span>
          <a href={`/api/files/${f.id}`} download={f.name} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={t("download", { name: f.name })}>
            <Download className="h-4 w-4" aria-hidden />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Headings for files kept elsewhere than the panel's own record. */
const SECTION_KEYS = new Set(["Supplier", "ProcessInstance"]);

/**
 * Attachments of a process instance (or of a supplier: its proof documents):
 * download links and an upload through POST /api/files, which checks the
 * owner's rules again. Files kept on another record (a review's supplier
 * documents on its task, a supplier's process files in its archive) are listed
 * under their own heading, so nobody mistakes whose they are; each opens
 * through /api/files/[id] under that record's rules.
 */
export function InstanceFiles({ ownerType = "ProcessInstance", ownerId, files, canUpload }: { ownerType?: "ProcessInstance" | "Supplier" | "KnowledgeArticle" | "ProductRequirement"; ownerId: string; files: InstanceFile[]; canUpload: boolean }) {
  const t = useTranslations("inbox.files");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [, startRefresh] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function upload(file: File) {
    setUploading(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.set("ownerType", ownerType);
      body.set("ownerId", ownerId);
      body.set("file", file);
      const res = await fetch("/api/files", { method: "POST", body });
      const json = (await res.json().catch(() => null)) as { file?: { name: string }; error?: { message?: string } } | null;
      if (!res.ok) {
        setMessage({ tone: "error", text: json?.error?.message ?? tErrors("internal") });
        return;
      }
      setMessage({ tone: "success", text: t("uploaded", { name: json?.file?.name ?? file.name }) });
      startRefresh(() => router.refresh());
    } catch {
      setMessage({ tone: "error", text: tErrors("internal") });
    } finally {
      setUploading(false);
      if (input.current) input.current.value = "";
    }
  }

  const own = files.filter((f) => !f.ownerType || f.ownerType === ownerType);
  const elsewhere = [...new Set(files.map((f) => f.ownerType).filter((o): o is string => !!o && o !== ownerType))];
  const heading = (type: string) => t(`sections.${SECTION_KEYS.has(type) ? type : "record"}`);

  return (
    <div className="space-y-3">
      {elsewhere.map((type) => (
        <section key={type} className="space-y-1" data-testid="files-section" data-owner-type={type}>
          <h3 className="text-xs font-semibold text-slate-600">{heading(type)}</h3>
          <FileList files={files.filter((f) => f.ownerType === type)} testId="record-files" />
        </section>
      ))}
      <section className="space-y-1" data-testid="files-section" data-owner-type={ownerType}>
        {elsewhere.length ? <h3 className="text-xs font-semibold text-slate-600">{heading(ownerType)}</h3> : null}
        {own.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
        <FileList files={own} testId="files" />
      </section>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {canUpload ? (
        <div>
          <label className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "cursor-pointer", uploading && "pointer-events-none opacity-50")}>
            <Upload className="h-4 w-4" aria-hidden />
            {uploading ? t("uploading") : t("upload")}
            <input
              ref={input}
              type="file"
              className="sr-only"
              disabled={uploading}
              data-testid="file-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
          </label>
          <p className="mt-1 text-xs text-slate-500">{t("hint")}</p>
        </div>
      ) : null}
    </div>
  );
}
