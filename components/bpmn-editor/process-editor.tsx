"use client";

import { Download, FlaskConical, Save, Trash2, UploadCloud } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useMessages, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkDiagramAction, discardDraftAction, publishAction, saveDraftAction } from "@/app/(workbench)/processes/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportFileButton } from "@/components/ui/import-file-button";
import type { EditorDiagram } from "@/lib/process-admin/get-editor-diagram";
import type { EditorOptions } from "@/lib/process-admin/editor-options";
import { hasErrors, type DiagramProblem } from "@/lib/process-admin/problems";
import { DryRunPanel } from "./dry-run-panel";
import type { ImportWarning, LintIssue, ModelerApi } from "./modeler";
import { ProblemList, problemLineCount, useProblemText } from "./problem-list";
import { readDiagramFile, withAsciiIds } from "./read-diagram";
import type { Dictionary } from "./translate";

// bpmn-js touches the DOM as soon as it loads: never on the server.
const BpmnModeler = dynamic(() => import("./modeler"), { ssr: false, loading: () => <EditorLoading /> });

function EditorLoading() {
  const t = useTranslations("processes.editor");
  return <p className="p-4 text-sm text-slate-500">{t("loading")}</p>;
}

const MAX_FILE = 2_000_000;
type Notice = { tone: "error" | "info" | "success"; text: string; link?: { href: string; label: string } } | null;

/** The process editor: modeler, live validation, drafts, publishing, import/export and the dry run. */
export function ProcessEditor({ initial, options }: { initial: EditorDiagram; options: EditorOptions }) {
  const t = useTranslations("processes.editor");
  const tErrors = useTranslations("errors");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const messages = useMessages() as { processes?: { bpmnjs?: Dictionary; editor?: { elementTypes?: Dictionary } } };
  const dictionary = useMemo(() => {
    if (locale === "en") return {};
    // The properties panel titles an element by its type in words ("Boundary Event"): the same words as the problem list.
    const kinds = Object.entries(messages.processes?.editor?.elementTypes ?? {}).map(([type, label]) => [type.replace(/(\B[A-Z])/g, " $1"), label]);
    return { ...Object.fromEntries(kinds), ...(messages.processes?.bpmnjs ?? {}) };
  }, [locale, messages]);
  const router = useRouter();
  const problemText = useProblemText();

  const api = useRef<ModelerApi | null>(null);
  const [ready, setReady] = useState<ModelerApi | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(initial.key);
  const [serverProblems, setServerProblems] = useState<DiagramProblem[]>([]);
  const [lintIssues, setLintIssues] = useState<LintIssue[]>([]);
  const [importReport, setImportReport] = useState<DiagramProblem[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<null | "save" | "publish" | "discard">(null);
  const [dirty, setDirty] = useState(false);
  const [checking, setChecking] = useState(false);
  const [showDryRun, setShowDryRun] = useState(false);
  // The page re-renders after saving or publishing; the editor keeps its own view of the draft.
  const [hasDraft, setHasDraft] = useState(initial.origin === "draft");
  const checkSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const lintProblems: DiagramProblem[] = useMemo(() => lintIssues.map((i) => ({ source: "bpmnlint", code: i.rule, severity: i.severity, elementId: i.elementId })), [lintIssues]);
  const problems = useMemo(() => {
    const seen = new Set<string>();
    return [...serverProblems, ...lintProblems].filter((p) => {
      const k = `${p.source}:${p.code}:${p.elementId ?? ""}:${JSON.stringify(p.params ?? {})}`;
      return !seen.has(k) && !!seen.add(k);
    });
  }, [serverProblems, lintProblems]);

  // Server errors (and a refused publish's bpmnlint errors) as markers on their elements.
  useEffect(() => {
    // Errors only: warnings are bpmnlint's, which marks them itself.
    api.current?.markProblems(serverProblems.filter((p) => p.elementId && p.severity === "error").map((p) => ({ elementId: p.elementId!, severity: p.severity, text: problemText(p) })));
  }, [serverProblems, problemText, ready]);

  const runCheck = useCallback(async () => {
    if (!api.current) return;
    const seq = ++checkSeq.current;
    setChecking(true);
    try {
      const xml = await api.current.saveXML();
      const res = await checkDiagramAction({ xml });
      if (seq !== checkSeq.current) return;
      // bpmnlint runs live in the browser; the server adds the product's rules.
      if (res.ok) setServerProblems(res.data.problems.filter((p) => p.source === "product"));
    } catch {
      // A failed check is retried with the next change.
    } finally {
      if (seq === checkSeq.current) setChecking(false);
    }
  }, []);

  const scheduleCheck = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(runCheck, 700);
  }, [runCheck]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onReady = useCallback(
    (a: ModelerApi) => {
      api.current = a;
      setReady(a);
      void runCheck();
    },
    [runCheck],
  );
  const onChange = useCallback(() => {
    setDirty(true);
    scheduleCheck();
  }, [scheduleCheck]);
  const onImportError = useCallback((message: string) => setImportReport([{ source: "product", code: "bpmn_malformed", severity: "error", params: { message } }]), []);
  // Elements by name; an unnamed one by its kind ("排他网关"), never by its id.
  const labelOf = useCallback(
    (id: string) => {
      const found = api.current?.describe(id);
      if (!found) return null;
      const kind = `elementTypes.${found.type.replace(/^bpmn:/, "")}`;
      return found.name?.trim() || (t.has(kind) ? t(kind) : t("elementTypes.element"));
    },
    [t],
  );

  const afterKey = (key: string) => {
    if (key !== editingKey) {
      setEditingKey(key);
      router.replace(`/processes/${encodeURIComponent(key)}/edit`);
    }
  };

  async function save() {
    if (!api.current) return;
    setBusy("save");
    setNotice(null);
    try {
      const res = await saveDraftAction({ xml: await api.current.saveXML(), editingKey });
      if (!res.ok) return setNotice({ tone: "error", text: res.error.fieldErrors?.key ?? res.error.message });
      setDirty(false);
      setHasDraft(true);
      setNotice({ tone: "success", text: t("draftSaved") });
      afterKey(res.data.key);
    } catch {
      setNotice({ tone: "error", text: tErrors("internal") });
    } finally {
      setBusy(null);
    }
  }

  async function publish() {
    if (!api.current) return;
    setBusy("publish");
    setNotice(null);
    try {
      const res = await publishAction({ xml: await api.current.saveXML(), editingKey });
      if (!res.ok) return setNotice({ tone: "error", text: res.error.fieldErrors?.key ?? res.error.message });
      if (!res.data.published) {
        setServerProblems(res.data.problems);
        return setNotice({ tone: "error", text: t("publishRefused", { count: res.data.problems.filter((p) => p.severity === "error").length }) });
      }
      setDirty(false);
      setHasDraft(false);
      const { key, version, created } = res.data;
      setNotice({ tone: "success", text: created ? t("published", { version }) : t("unchanged", { version }), link: { href: `/processes/${encodeURIComponent(key)}`, label: t("toVersions") } });
      afterKey(key);
    } catch {
      setNotice({ tone: "error", text: tErrors("internal") });
    } finally {
      setBusy(null);
    }
  }

  async function discard() {
    if (!editingKey || !window.confirm(t("discardConfirm"))) return;
    setBusy("discard");
    const res = await discardDraftAction({ key: editingKey }).catch(() => null);
    setBusy(null);
    if (!res?.ok) return setNotice({ tone: "error", text: res?.error.message ?? tErrors("internal") });
    // The page opens the latest published version again.
    window.location.reload();
  }

  async function importFile(file: File) {
    if (!api.current) return;
    setNotice(null);
    if (file.size > MAX_FILE) return setImportReport([{ source: "product", code: "file_too_large", severity: "error" }]);
    // Other tools' files: their declared encoding, and ids in any language made readable for bpmn-js.
    const read = await readDiagramFile(file)
      .then(withAsciiIds)
      .catch(() => null);
    if (!read) return setNotice({ tone: "error", text: tErrors("internal") });
    const { xml, renamed } = read;
    const previous = await api.current.saveXML();
    let warnings: ImportWarning[] = [];
    try {
      warnings = await api.current.importXML(xml);
    } catch (e) {
      await api.current.importXML(previous).catch(() => undefined);
      return setImportReport([{ source: "product", code: "bpmn_malformed", severity: "error", params: { message: String((e as Error).message).slice(0, 200) } }]);
    }
    setDirty(true);
    if (renamed.length) setNotice({ tone: "info", text: t("idsConverted", { count: renamed.length }) });
    const res = await checkDiagramAction({ xml }).catch(() => null);
    const found = res?.ok ? res.data.problems : [];
    const fromImport: DiagramProblem[] = warnings
      .slice(0, 20)
      .map((w) => ({ source: "product", code: "bpmn_parse", severity: "warning", ...(w.elementId ? { elementId: w.elementId } : {}), params: { message: w.message.slice(0, 200) } }));
    setServerProblems(found.filter((p) => p.source === "product"));
    setImportReport([...fromImport, ...found]);
  }

  async function exportFile() {
    if (!api.current) return;
    const xml = await api.current.saveXML();
    const url = URL.createObjectURL(new Blob([xml], { type: "application/xml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${editingKey ?? "process"}.bpmn`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const errorCount = problems.filter((p) => p.severity === "error").length;
  const warningCount = problems.length - errorCount;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("toolbar")}>
        <Button variant="secondary" size="sm" onClick={save} disabled={!ready || !!busy} data-testid="save-draft">
          <Save className="h-4 w-4" aria-hidden />
          {t("saveDraft")}
        </Button>
        <Button size="sm" onClick={publish} disabled={!ready || !!busy} data-testid="publish">
          <UploadCloud className="h-4 w-4" aria-hidden />
          {busy === "publish" ? t("publishing") : t("publish")}
        </Button>
        <ImportFileButton label={t("import")} accept=".bpmn,.xml,application/xml,text/xml" disabled={!ready} testId="import-file" onFile={(f) => void importFile(f)} />
        <Button variant="secondary" size="sm" onClick={exportFile} disabled={!ready}>
          <Download className="h-4 w-4" aria-hidden />
          {t("export")}
        </Button>
        <Button variant={showDryRun ? "primary" : "secondary"} size="sm" onClick={() => setShowDryRun((v) => !v)} disabled={!ready} aria-expanded={showDryRun}>
          <FlaskConical className="h-4 w-4" aria-hidden />
          {t("dryRun")}
        </Button>
        {hasDraft && editingKey ? (
          <Button variant="ghost" size="sm" onClick={discard} disabled={!!busy}>
            <Trash2 className="h-4 w-4" aria-hidden />
            {t("discardDraft")}
          </Button>
        ) : null}
        <span className="ml-auto text-xs text-slate-500" data-testid="editor-status">
          {checking ? t("checking") : hasErrors(problems) ? t("statusProblems", { errors: errorCount, warnings: warningCount }) : warningCount ? t("statusWarnings", { warnings: warningCount }) : t("statusClean")}
          {dirty ? ` · ${t("unsaved")}` : ""}
        </span>
      </div>

      {notice ? (
        <Alert tone={notice.tone}>
          <span data-testid="editor-notice">{notice.text}</span>
          {notice.link ? (
            <>
              {" "}
              <Link href={notice.link.href} className="font-medium underline">{notice.link.label}</Link>
            </>
          ) : null}
        </Alert>
      ) : null}

      {importReport ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="import-report">
          <div className="mb-1 flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-amber-900">{importReport.length ? t("importProblems", { count: problemLineCount(importReport) }) : t("importClean")}</h2>
            <Button variant="ghost" size="sm" onClick={() => setImportReport(null)}>{t("dismiss")}</Button>
          </div>
          <ProblemList problems={importReport} labelOf={labelOf} onSelect={(id) => api.current?.select(id)} />
        </div>
      ) : null}

      <div className="h-[78vh] min-h-[520px] overflow-hidden rounded-lg border border-slate-200 bg-white lg:h-[70vh]">
        <BpmnModeler xml={initial.xml} options={options} locale={locale} dictionary={dictionary} onReady={onReady} onImportError={onImportError} onChange={onChange} onLint={setLintIssues} />
      </div>

      {showDryRun && ready ? <DryRunPanel api={ready} options={options} /> : null}

      <section aria-labelledby="problems-title" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="problems-title" className="mb-2 text-sm font-semibold text-slate-800">
          {t("problemsTitle")} <span className="font-normal text-slate-500">({problemLineCount(problems)})</span>
        </h2>
        {problems.length ? (
          <ProblemList problems={problems} labelOf={labelOf} onSelect={(id) => api.current?.select(id)} testId="problem-list" />
        ) : (
          <p className="text-sm text-slate-500">{t("noProblems")}</p>
        )}
      </section>
    </div>
  );
}
