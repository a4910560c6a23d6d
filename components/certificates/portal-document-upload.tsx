"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { submitSupplierDocumentAction } from "@/app/portal/(app)/documents/actions";
import { useAction } from "@/components/admin/use-action";
import { Alert } from "@/components/ui/alert";
import { Upload } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

type TypeOption = { id: string; nameZh: string; nameEn: string; validityRequired: boolean };

/**
 * The supplier hands in a document: the file goes to POST /api/files on its own company
 * (the server checks the session's supplier again), then the type, number and validity
 * with the stored file's id start quality's review.
 */
export function PortalDocumentUpload({ supplierId, types }: { supplierId: string; types: TypeOption[] }) {
  const t = useTranslations("certificates.portal");
  const tErrors = useTranslations("errors");
  const en = useLocale().startsWith("en");
  const router = useRouter();
  const submit = useAction(submitSupplierDocumentAction);
  const form = useRef<HTMLFormElement>(null);
  const [uploading, setUploading] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const tv = useTranslations("validation");
  // Checked before the file is stored, so a form sent incomplete leaves no stray file behind.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const err = (name: string) => missing[name] ?? submit.fieldError(name);

  async function send(f: FormData) {
    setMessage(null);
    const type = types.find((ty) => ty.id === f.get("typeId"));
    const blank = { typeId: !type, number: !String(f.get("number") ?? "").trim(), validUntil: !!type?.validityRequired && !f.get("validUntil") };
    setMissing(Object.fromEntries(Object.entries(blank).filter(([, b]) => b).map(([k]) => [k, tv("required")])));
    if (Object.values(blank).some(Boolean)) return;
    const file = f.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ tone: "error", text: t("fileMissing") });
      return;
    }
    setUploading(true);
    let fileId: string | undefined;
    try {
      const body = new FormData();
      body.set("ownerType", "Supplier");
      body.set("ownerId", supplierId);
      body.set("file", file);
      const res = await fetch("/api/files", { method: "POST", body });
      const json = (await res.json().catch(() => null)) as { file?: { id: string }; error?: { message?: string } } | null;
      if (!res.ok || !json?.file) {
        setMessage({ tone: "error", text: json?.error?.message ?? tErrors("internal") });
        return;
      }
      fileId = json.file.id;
    } catch {
      setMessage({ tone: "error", text: tErrors("internal") });
      return;
    } finally {
      setUploading(false);
    }
    const input = { typeId: String(f.get("typeId") ?? ""), number: String(f.get("number") ?? ""), validFrom: String(f.get("validFrom") ?? ""), validUntil: String(f.get("validUntil") ?? ""), fileId };
    submit.run(input, () => {
      form.current?.reset();
      setFileName(null);
      setMessage({ tone: "success", text: t("submitted") });
      router.refresh();
    });
  }

  const busy = uploading || submit.pending;
  return (
    <Card data-testid="document-upload">
      <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <form
        ref={form}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(new FormData(e.currentTarget));
        }}
      >
        <Field id="doc-type" label={t("type")} error={err("typeId")}>
          <Select id="doc-type" name="typeId" defaultValue="" aria-invalid={!!err("typeId")}>
            <option value="" disabled>{t("choose")}</option>
            {types.map((ty) => <option key={ty.id} value={ty.id}>{en ? ty.nameEn : ty.nameZh}</option>)}
          </Select>
        </Field>
        <Field id="doc-number" label={t("number")} error={err("number")}>
          <Input id="doc-number" name="number" maxLength={80} autoComplete="off" aria-invalid={!!err("number")} />
        </Field>
        <Field id="doc-file" label={t("file")} hint={t("fileHint")}>
          {/* The browser's own file button speaks the browser's language: a labelled button instead. */}
          <label className={cn(buttonVariants({ variant: "secondary" }), "w-full cursor-pointer justify-start overflow-hidden")}>
            <Upload className="h-4 w-4 shrink-0" aria-hidden />
            <span className="truncate">{fileName ?? t("chooseFile")}</span>
            <input id="doc-file" name="file" type="file" className="sr-only" accept=".pdf,image/*" data-testid="document-file" onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)} />
          </label>
        </Field>
        <Field id="doc-from" label={t("validFrom")} error={err("validFrom")}>
          <Input id="doc-from" name="validFrom" type="date" aria-invalid={!!err("validFrom")} />
        </Field>
        <Field id="doc-until" label={t("validUntil")} error={err("validUntil")}>
          <Input id="doc-until" name="validUntil" type="date" aria-invalid={!!err("validUntil")} />
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={busy} data-testid="document-submit">{busy ? t("submitting") : t("submit")}</Button>
        </div>
        {message ? <div className="sm:col-span-2 lg:col-span-3"><Alert tone={message.tone}>{message.text}</Alert></div> : null}
        {submit.error && !Object.keys(submit.error.fieldErrors ?? {}).length ? <div className="sm:col-span-2 lg:col-span-3"><Alert>{submit.error.message}</Alert></div> : null}
      </form>
    </Card>
  );
}
