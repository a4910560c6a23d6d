"use client";

import "@bpmn-io/form-js-viewer/dist/assets/form-js.css";
// The editor's own styles without its bundled copy of the properties panel's: the process editor loads that package's newer one, and CSS stays loaded across client navigation.
import "@bpmn-io/form-js-editor/dist/assets/form-js-editor-base.css";
import "@bpmn-io/form-js-editor/dist/assets/dragula.css";
import "@bpmn-io/properties-panel/dist/assets/properties-panel.css";
import "./designer.css";
import { FormEditor } from "@bpmn-io/form-js-editor";
import { useEffect, useRef } from "react";
import type { FormJsSchema } from "@/lib/workflow/form-js";
import { translateDom, type Dictionary } from "./dom-translator";
import { designerFieldsModule, type FieldTexts } from "./formjs-fields";
import { designerPropertiesModule, type PropertyTexts } from "./formjs-properties";

/** What the designer page can do with the editor once it is ready. */
export type FormEditorApi = {
  getSchema: () => FormJsSchema;
  /** Replaces the form (an imported file); the previous one stays when the new one does not load. */
  importSchema: (schema: FormJsSchema) => Promise<void>;
};

export type FormEditorViewProps = {
  schema: FormJsSchema;
  fieldTexts: FieldTexts;
  propertyTexts: PropertyTexts;
  dictionary: Dictionary;
  onReady: (api: FormEditorApi) => void;
  onChange: () => void;
  onImportError: (message: string) => void;
};

type Editor = InstanceType<typeof FormEditor> & { on: (event: string, fn: () => void) => void };

/**
 * bpmn.io's form editor, browser only (loaded with next/dynamic, ssr: false) and
 * destroyed on unmount. Palette, canvas and properties panel sit in the page's own
 * grid, so a phone shows them one under the other. The bpmn.io mark stays, as its
 * licence asks.
 */
export default function FormEditorView({ schema, fieldTexts, propertyTexts, dictionary, onReady, onChange, onImportError }: FormEditorViewProps) {
  const root = useRef<HTMLDivElement>(null);
  const palette = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onReady, onChange, onImportError });
  useEffect(() => {
    handlers.current = { onReady, onChange, onImportError };
  });

  useEffect(() => {
    if (!root.current || !canvas.current || !palette.current || !panel.current) return;
    const stopTranslating = translateDom(root.current, dictionary);
    const editor = new FormEditor({
      container: canvas.current,
      palette: { parent: palette.current },
      propertiesPanel: { parent: panel.current },
      exporter: { name: "factory-flow", version: "1" },
      additionalModules: [designerFieldsModule(fieldTexts), designerPropertiesModule(propertyTexts)],
    }) as Editor;
    let alive = true;
    let loaded = false;
    // "changed" also fires while a schema is imported: only the owner's edits count.
    editor.on("changed", () => {
      if (loaded) handlers.current.onChange();
    });
    const api: FormEditorApi = {
      getSchema: () => editor.saveSchema() as FormJsSchema,
      importSchema: async (next) => {
        const previous = editor.saveSchema();
        loaded = false;
        try {
          await editor.importSchema(next);
        } catch (e) {
          await editor.importSchema(previous).catch(() => undefined);
          throw e;
        } finally {
          loaded = true;
        }
      },
    };
    editor
      .importSchema(schema)
      .catch((e: Error) => {
        // Still usable: the page can import another file.
        if (alive) handlers.current.onImportError(e.message);
        return editor.importSchema({ type: "default", components: [] });
      })
      .then(() => {
        if (!alive) return;
        loaded = true;
        root.current?.setAttribute("data-ready", "true");
        handlers.current.onReady(api);
      });
    const sections = [palette.current, panel.current];
    return () => {
      alive = false;
      stopTranslating();
      editor.destroy();
      // destroy() empties the palette and the panel but leaves their boxes in our cells.
      for (const cell of sections) cell.replaceChildren();
    };
    // The editor is made once per mount; another schema comes in through the API.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div ref={root} className="ff-form-designer bio-theme-parent grid min-h-0 grid-cols-1 border-t border-slate-200 lg:h-[70vh] lg:grid-cols-[17rem_minmax(0,1fr)_19rem]" data-testid="form-editor">
      <div ref={palette} className="ff-fd-palette max-h-72 overflow-y-auto border-b border-slate-200 lg:max-h-none lg:border-b-0 lg:border-r" data-testid="form-palette" />
      <div ref={canvas} className="ff-fd-canvas min-h-[360px] min-w-0 overflow-y-auto bg-white" data-testid="form-canvas" />
      <div ref={panel} className="ff-fd-properties max-h-[32rem] overflow-y-auto border-t border-slate-200 lg:max-h-none lg:border-l lg:border-t-0" data-testid="form-properties" />
    </div>
  );
}
