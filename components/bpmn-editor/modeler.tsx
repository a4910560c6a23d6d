"use client";

import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css";
import "@bpmn-io/properties-panel/dist/assets/properties-panel.css";
import "bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css";
import "./editor.css";
import Modeler from "bpmn-js/lib/Modeler";
import lintModule from "bpmn-js-bpmnlint";
import { BpmnPropertiesPanelModule } from "bpmn-js-properties-panel";
import { useEffect, useRef } from "react";
import type { EditorOptions } from "@/lib/process-admin/editor-options";
import { bpmnlintConfig } from "@/lib/process-admin/bpmnlint-config";
import { ffModdleDescriptor } from "@/lib/workflow/ff-descriptor";
import { ffPropertiesModule } from "./ff-properties";
import { flowLinksModule } from "./flow-links";
import { withAsciiIds } from "./read-diagram";
import { runtimePaletteModule } from "./runtime-palette";
import { translateModule, type Dictionary } from "./translate";

export type LintIssue = { rule: string; elementId: string; severity: "error" | "warning" };
export type ElementMark = { elementId: string; severity: "error" | "warning"; text: string };
/** A warning of bpmn-js's import, on the element it concerns when there is one. */
export type ImportWarning = { message: string; elementId?: string };

/** What the editor page can do with the modeler once it is ready. */
export type ModelerApi = {
  saveXML: () => Promise<string>;
  importXML: (xml: string) => Promise<ImportWarning[]>;
  select: (elementId: string) => void;
  /** Problems found on the server: a marker and a badge on each element concerned. */
  markProblems: (marks: ElementMark[]) => void;
  /** The path of a dry run: elements passed, and where tasks arose. */
  markPath: (passed: string[], tasks: string[]) => void;
  elementIds: () => string[];
  /**
   * The element's name and BPMN type, for lists. A process resolves to its pool,
   * an event definition or loop to its element; null when the diagram has none.
   */
  describe: (elementId: string) => { name: string | null; type: string } | null;
  /** User tasks of the diagram with their form and whether a boundary timer is attached (for the dry run). */
  userTasks: () => { id: string; name: string; formKey: string | null; hasTimer: boolean }[];
  startFormKey: () => string | null;
};

type Props = {
  xml: string;
  options: EditorOptions;
  locale: "zh-CN" | "en";
  dictionary: Dictionary;
  onReady: (api: ModelerApi) => void;
  onImportError: (message: string) => void;
  onChange: () => void;
  onLint: (issues: LintIssue[]) => void;
};

type Bo = {
  id?: string;
  name?: string;
  $type: string;
  $parent?: Bo;
  get: (k: string) => unknown;
  eventDefinitions?: { $type: string; id?: string }[];
  attachedToRef?: { id: string };
  processRef?: { id: string; name?: string };
  loopCharacteristics?: { id?: string };
};
type Shape = { id: string; type: string; businessObject: Bo };
type Box = { x: number; y: number; width: number; height: number };
type Canvas = {
  viewbox: { (): Box & { inner: Box; outer: { width: number; height: number } }; (box: Box): void };
  addMarker: (id: string, m: string) => void;
  removeMarker: (id: string, m: string) => void;
};
type Registry = { get: (id: string) => unknown; getAll: () => Shape[] };
type Overlays = { add: (id: string, type: string, o: object) => string; remove: (f: { type: string }) => void };
type EventBus = { on: (e: string, fn: (ev: { issues?: Record<string, { rule: string; category: string; id: string; actualElementId?: string }[]> }) => void) => void };

/**
 * bpmn-js Modeler, browser only (loaded with next/dynamic, ssr: false, from the
 * editor page) and destroyed on unmount. The bpmn.io watermark stays, as its
 * licence asks.
 */
export default function BpmnModeler({ xml, options, locale, dictionary, onReady, onImportError, onChange, onLint }: Props) {
  const canvasBox = useRef<HTMLDivElement>(null);
  const panelBox = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onReady, onImportError, onChange, onLint });
  useEffect(() => {
    handlers.current = { onReady, onImportError, onChange, onLint };
  });

  useEffect(() => {
    if (!canvasBox.current || !panelBox.current) return;
    const modeler = new Modeler({
      container: canvasBox.current,
      propertiesPanel: { parent: panelBox.current },
      moddleExtensions: { ff: ffModdleDescriptor },
      linting: { bpmnlint: bpmnlintConfig, active: true },
      ffEditor: { options, locale },
      additionalModules: [flowLinksModule, BpmnPropertiesPanelModule, ffPropertiesModule, lintModule, runtimePaletteModule, translateModule(dictionary)],
    } as never);
    let alive = true;
    const get = <T,>(name: string) => modeler.get(name) as T;
    const eventBus = get<EventBus>("eventBus");
    eventBus.on("commandStack.changed", () => handlers.current.onChange());
    eventBus.on("linting.completed", (ev) => {
      const issues: LintIssue[] = [];
      for (const list of Object.values(ev.issues ?? {})) {
        for (const i of list) if (i.category === "error" || i.category === "warn") issues.push({ rule: i.rule, elementId: i.actualElementId ?? i.id, severity: i.category === "error" ? "error" : "warning" });
      }
      handlers.current.onLint(issues);
    });

    // Fit the whole diagram right of the palette (which floats over the canvas), at most at 100 %.
    const fit = () => {
      const canvas = get<Canvas>("canvas");
      const { inner, outer } = canvas.viewbox();
      if (!inner.width || !outer.width) return;
      const container = canvasBox.current?.getBoundingClientRect();
      const palette = canvasBox.current?.querySelector(".djs-palette")?.getBoundingClientRect();
      const left = (palette && container ? palette.right - container.left : 0) + 24;
      const scale = Math.min(1, (outer.width - left - 24) / inner.width, (outer.height - 48) / inner.height);
      if (!(scale > 0)) return;
      const height = outer.height / scale;
      canvas.viewbox({ x: inner.x - left / scale, y: inner.y - (height - inner.height) / 2, width: outer.width / scale, height });
    };
    const marked = { problems: [] as string[], passed: [] as string[], tasks: [] as string[] };
    const clear = (ids: string[], marker: string) => {
      const canvas = get<Canvas>("canvas");
      for (const id of ids) if (get<Registry>("elementRegistry").get(id)) canvas.removeMarker(id, marker);
    };
    // Problems name model elements; some (a pool's process, an event definition) are not shapes themselves.
    const resolve = (id: string): Shape | undefined => {
      const registry = get<Registry>("elementRegistry");
      const own = registry.get(id) as Shape | undefined;
      if (own) return own;
      return registry
        .getAll()
        .find((e) => e.type !== "label" && (e.businessObject?.processRef?.id === id || e.businessObject?.loopCharacteristics?.id === id || !!e.businessObject?.eventDefinitions?.some((d) => d.id === id)));
    };
    const api: ModelerApi = {
      saveXML: async () => (await modeler.saveXML({ format: true })).xml ?? "",
      importXML: async (next) => {
        const res = await modeler.importXML(next);
        fit();
        return res.warnings.map((w) => {
          const warning = w as { message?: string; element?: { id?: string } };
          const elementId = warning.element?.id ? resolve(warning.element.id)?.id : undefined;
          return { message: String(warning.message ?? w), ...(elementId ? { elementId } : {}) };
        });
      },
      select: (id) => {
        const el = resolve(id);
        if (el) (modeler.get("selection") as { select: (e: unknown) => void }).select(el);
      },
      markProblems: (marks) => {
        const canvas = get<Canvas>("canvas");
        const overlays = get<Overlays>("overlays");
        clear(marked.problems, "ff-problem");
        overlays.remove({ type: "ff-problem" });
        const byId = new Map<string, ElementMark[]>();
        for (const m of marks) {
          const id = resolve(m.elementId)?.id;
          if (id) byId.set(id, [...(byId.get(id) ?? []), m]);
        }
        marked.problems = [...byId.keys()];
        for (const [id, list] of byId) {
          canvas.addMarker(id, "ff-problem");
          const badge = document.createElement("div");
          badge.className = "ff-problem-badge";
          badge.dataset.elementId = id;
          badge.textContent = String(list.length);
          badge.title = list.map((m) => m.text).join("\n");
          overlays.add(id, "ff-problem", { position: { bottom: 4, left: -8 }, html: badge });
        }
      },
      markPath: (passed, tasks) => {
        const canvas = get<Canvas>("canvas");
        const registry = get<Registry>("elementRegistry");
        clear(marked.passed, "ff-path");
        clear(marked.tasks, "ff-path-task");
        marked.passed = passed.filter((id) => registry.get(id));
        marked.tasks = tasks.filter((id) => registry.get(id));
        for (const id of marked.passed) canvas.addMarker(id, "ff-path");
        for (const id of marked.tasks) canvas.addMarker(id, "ff-path-task");
      },
      elementIds: () => get<Registry>("elementRegistry").getAll().map((e) => e.id),
      describe: (id) => {
        const el = resolve(id);
        if (!el) return null;
        const bo = el.businessObject;
        return { name: bo.name || (bo.processRef?.id === id ? bo.processRef.name : undefined) || null, type: bo.processRef?.id === id ? "bpmn:Process" : bo.$type };
      },
      userTasks: () => {
        const all = get<Registry>("elementRegistry").getAll();
        const timers = new Set(all.filter((e) => e.type === "bpmn:BoundaryEvent" && e.businessObject.eventDefinitions?.some((d) => d.$type === "bpmn:TimerEventDefinition")).map((e) => e.businessObject.attachedToRef?.id));
        return all.filter((e) => e.type === "bpmn:UserTask").map((e) => ({ id: e.id, name: e.businessObject.name || e.id, formKey: (e.businessObject.get("ff:formKey") as string) || null, hasTimer: timers.has(e.id) }));
      },
      startFormKey: () => {
        const all = get<Registry>("elementRegistry").getAll();
        const start = all.find((e) => e.type === "bpmn:StartEvent" && !e.businessObject.eventDefinitions?.length && e.businessObject.$parent?.$type === "bpmn:Process");
        return (start?.businessObject.get("ff:formKey") as string) || null;
      },
    };

    // A stored diagram published through the API may still carry ids bpmn-js cannot read.
    withAsciiIds(xml)
      .then((safe) => modeler.importXML(safe.xml))
      .then(() => {
        if (!alive) return;
        fit();
        canvasBox.current?.setAttribute("data-ready", "true");
        handlers.current.onReady(api);
      })
      .catch((e: Error) => {
        if (!alive) return;
        handlers.current.onImportError(e.message);
        // Still usable: the page can import another file.
        canvasBox.current?.setAttribute("data-ready", "true");
        handlers.current.onReady(api);
      });
    return () => {
      alive = false;
      modeler.destroy();
    };
    // The modeler is made once per mount; a new diagram is imported through the API.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="ff-editor flex h-full min-h-0 flex-col lg:flex-row">
      <div ref={canvasBox} className="relative h-[60vh] min-h-[360px] min-w-0 flex-1 bg-white lg:h-full" data-testid="bpmn-modeler" />
      <div ref={panelBox} className="ff-properties h-80 overflow-y-auto border-t border-slate-200 bg-white lg:h-full lg:w-80 lg:border-l lg:border-t-0" data-testid="bpmn-properties" />
    </div>
  );
}
