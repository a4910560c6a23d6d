"use client";

import { CheckCircle2, Download, Save, Trash2, UploadCloud } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkFormAction, discardFormDraftAction, importFormAction, publishFormAction, saveFormDraftAction } from "@/app/(workbench)/processes/forms/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ImportFileButton } from "@/components/ui/import-file-button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { EditorForm } from "@/lib/process-admin/forms/get-form-for-editing";
import type { FormJsSchema } from "@/lib/workflow/form-js";
import { downloadText, refusalText } from "./download";
import type { FormEditorApi } from "./form-editor-view";
import { previewSchema } from "./preview-schema";
import { useDesignerTexts } from "./use-designer-texts";

// form-js touches the DOM as soon as it loads: never on the server.
const FormEditorView = dynamic(() => import("./form-editor-view"), { ssr: false, loading: () => <Loading /> });
const FormPreviewView = dynamic(() => import("./form-preview-view"), { ssr: false, loading: () => <Loading /> });

function Loading() {
  const t = useTranslations("forms.designer");
  return <p className="p-4 text-sm text-slate-500">{t("loading")}</p>;
}

const MAX_FILE = 500_000;
/** A notice that outlives the move from /processes/forms/new to the form's own page. */
const FLASH = "ff-form-designer-notice";
type Notice = { tone: "error" | "info" | "success"; text: string } | null;
type ActionError = { message: string; fieldErrors?: Record<string, string> };

/** The form designer: form-js editor and preview, key and titles, drafts, checking, publishing, import and export. */
export function FormDesigner({ initial, suppliers }: { initial: EditorForm; suppliers: { label: string; value: string }[] }) {
  const t = useTranslations("forms.designer");
  const tp = useTranslations("forms.preview");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const english = useLocale() === "en";
  const { fieldTexts, propertyTexts, dictionary, sampleLines, sampleMembers } = useDesignerTexts();

  const api = useRef<FormEditorApi | null>(null);
  const [ready, setReady] = useState(false);
  const isNew = initial.key === null;
  const [key, setKey] = useState(initial.key ?? "");
  const [titleZh, setTitleZh] = useState(initial.titleZh);
  const [titleEn, setTitleEn] = useState(initial.titleEn);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<null | "save" | "check" | "publish" | "import" | "discard">(null);
  const [dirty, setDirty] = useState(false);
  const [hasDraft, setHasDraft] = useState(initial.origin === "draft");
  const [tab, setTab] = useState<"design" | "preview">("design");
  const [previewForm, setPreviewForm] = useState<FormJsSchema | null>(null);

  useEffect(() => {
    const flash = sessionStorage.getItem(FLASH);
    if (!flash) return;
    sessionStorage.removeItem(FLASH);
    // The notice of the save or publish that brought us here from the new-form page.
    queueMicrotask(() => setNotice(JSON.parse(flash) as Notice));
  }, []);

  const onReady = useCallback((a: FormEditorApi) => {
    api.current = a;
    setReady(true);
  }, []);
  const onChange = useCallback(() => setDirty(true), []);
  const onImportError = useCallback((message: string) => setNotice({ tone: "error", text: t("loadError", { message }) }), [t]);

  const previewData = useMemo(() => ({ suppliers, members: sampleMembers, orderLineItems: sampleLines, planLineItems: sampleLines }), [suppliers, sampleMembers, sampleLines]);
  const previewTexts = useMemo(() => ({ intro: tp("intro"), submit: tp("submit"), valid: tp("valid"), error: tp("error"), invalid: (count: number) => tp("invalid", { count }) }), [tp]);

  const input = () => ({ key: key.trim(), titleZh, titleEn, isNew, schema: api.current!.getSchema() });

  const refused = (error: ActionError) => {
    setFieldErrors(error.fieldErrors ?? {});
    setNotice({ tone: "error", text: refusalText(error) });
  };

  /** After the first save or publish of a new form: its own page, where the versions are. */
  const settle = (text: string) => {
    setDirty(false);
    if (!isNew) {
      setNotice({ tone: "success", text });
      router.refresh();
      return;
    }
    sessionStorage.setItem(FLASH, JSON.stringify({ tone: "success", text }));
    router.replace(`/processes/forms/${encodeURIComponent(key.trim())}`);
  };

  async function run(what: NonNullable<typeof busy>, step: () => Promise<void>) {
    if (!api.current) return;
    setBusy(what);
    setNotice(null);
    setFieldErrors({});
    try {
      await step();
    } catch {
      setNotice({ tone: "error", text: tErrors("internal") });
    } finally {
      setBusy(null);
    }
  }

  const save = () =>
    run("save", async () => {
      const res = await saveFormDraftAction(input());
      if (!res.ok) return refused(res.error);
      setHasDraft(true);
      settle(t("draftSaved"));
    });

  const check = () =>
    run("check", async () => {
      const res = await checkFormAction(input());
      if (!res.ok) return refused(res.error);
      setNotice({ tone: "success", text: t("checkOk", res.data) });
    });

  const publish = () =>
    run("publish", async () => {
      const res = await publishFormAction(input());
      if (!res.ok) return refused(res.error);
      setHasDraft(false);
      settle(t("published", { version: res.data.version }));
    });

  const discard = () => {
    if (!window.confirm(t("discardConfirm"))) return;
    return run("discard", async () => {
      const res = await discardFormDraftAction({ key });
      if (!res.ok) return refused(res.error);
      // The page opens the latest published version again.
      window.location.reload();
    });
  };

  const importFile = (file: File) =>
    run("import", async () => {
      if (file.size > MAX_FILE) return setNotice({ tone: "error", text: t("tooLarge") });
      const res = await importFormAction({ key: key.trim(), titleZh, titleEn, isNew, text: await file.text() });
      if (!res.ok) return refused(res.error);
      await api.current!.importSchema(res.data.schema as FormJsSchema);
      setTitleZh(res.data.titleZh);
      setTitleEn(res.data.titleEn);
      setHasDraft(true);
      settle(t("imported"));
    });

  function exportFile() {
    if (!api.current) return;
    const file = { ...api.current.getSchema(), id: key.trim() || undefined, titleZh, titleEn: titleEn || titleZh };
    downloadText(`${key.trim() || "form"}.form`, `${JSON.stringify(file, null, 2)}\n`);
  }

  function showTab(next: "design" | "preview") {
    if (next === "preview" && api.current) setPreviewForm(previewSchema(api.current.getSchema(), english));
    setTab(next);
  }

  const origin = hasDraft ? (initial.basedOnVersion ? t("fromDraftOf", { version: initial.basedOnVersion }) : t("fromDraft")) : initial.latestVersion ? t("fromVersion", { version: initial.latestVersion }) : t("fromNew");
  const edited = () => setDirty(true);

  return (
    <div className="space-y-3">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-3">
        <Field id="form-key" label={t("key")} hint={isNew ? t("keyHint") : undefined} error={fieldErrors.key}>
          <Input id="form-key" value={key} onChange={(e) => setKey(e.target.value)} readOnly={!isNew} className={cn(!isNew && "bg-slate-50")} autoComplete="off" spellCheck={false} aria-invalid={!!fieldErrors.key} />
        </Field>
        <Field id="form-title-zh" label={t("titleZh")} error={fieldErrors.titleZh}>
          <Input id="form-title-zh" value={titleZh} maxLength={100} onChange={(e) => (setTitleZh(e.target.value), edited())} aria-invalid={!!fieldErrors.titleZh} />
        </Field>
        <Field id="form-title-en" label={t("titleEn")} hint={t("titleEnHint")} error={fieldErrors.titleEn}>
          <Input id="form-title-en" value={titleEn} maxLength={100} onChange={(e) => (setTitleEn(e.target.value), edited())} aria-invalid={!!fieldErrors.titleEn} />
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("toolbar")}>
        <Button variant="secondary" size="sm" onClick={save} disabled={!ready || !!busy} data-testid="form-save">
          <Save className="h-4 w-4" aria-hidden />
          {t("saveDraft")}
        </Button>
        <Button variant="secondary" size="sm" onClick={check} disabled={!ready || !!busy} data-testid="form-check">
          <CheckCircle2 className="h-4 w-4" aria-hidden />
          {t("check")}
        </Button>
        <Button size="sm" onClick={publish} disabled={!ready || !!busy} data-testid="form-publish">
          <UploadCloud className="h-4 w-4" aria-hidden />
          {busy === "publish" ? t("publishing") : t("publish")}
        </Button>
        <ImportFileButton label={t("import")} accept=".form,.json,application/json" disabled={!ready || !!busy} testId="form-import-file" onFile={(f) => void importFile(f)} />
        <Button variant="secondary" size="sm" onClick={exportFile} disabled={!ready} data-testid="form-export">
          <Download className="h-4 w-4" aria-hidden />
          {t("export")}
        </Button>
        {hasDraft && initial.latestVersion ? (
          <Button variant="ghost" size="sm" onClick={discard} disabled={!!busy}>
            <Trash2 className="h-4 w-4" aria-hidden />
            {t("discardDraft")}
          </Button>
        ) : null}
        <span className="ml-auto flex items-center gap-2 text-xs text-slate-500" data-testid="form-status">
          <Badge>{origin}</Badge>
          {dirty ? t("unsaved") : null}
        </span>
      </div>

      {notice ? (
        <Alert tone={notice.tone}>
          <span data-testid="form-notice">{notice.text}</span>
        </Alert>
      ) : null}

      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <div role="tablist" aria-label={t("tabs")} className="flex gap-1 border-b border-slate-200 px-2">
          {(["design", "preview"] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              disabled={!ready}
              onClick={() => showTab(id)}
              className={cn("border-b-2 px-3 py-2 text-sm", tab === id ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {id === "design" ? t("tabDesign") : t("tabPreview")}
            </button>
          ))}
        </div>
        <div className={tab === "design" ? "" : "hidden"}>
          <FormEditorView schema={initial.schema} fieldTexts={fieldTexts} propertyTexts={propertyTexts} dictionary={dictionary} onReady={onReady} onChange={onChange} onImportError={onImportError} />
        </div>
        {tab === "preview" && previewForm ? <FormPreviewView schema={previewForm} data={previewData} fieldTexts={fieldTexts} dictionary={dictionary} texts={previewTexts} /> : null}
      </div>
    </div>
  );
}
