"use client";

import "@bpmn-io/form-js-viewer/dist/assets/form-js.css";
import "./designer.css";
import { Form } from "@bpmn-io/form-js-viewer";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormJsSchema } from "@/lib/workflow/form-js";
import { translateDom, type Dictionary } from "./dom-translator";
import { designerFieldsModule, type FieldTexts } from "./formjs-fields";

type PreviewTexts = { intro: string; submit: string; valid: string; error: string; invalid: (count: number) => string };

export type FormPreviewViewProps = {
  schema: FormJsSchema;
  /** Stands in for the instance's variables: sample suppliers and order lines. */
  data: Record<string, unknown>;
  fieldTexts: FieldTexts;
  dictionary: Dictionary;
  texts: PreviewTexts;
};

type Viewer = InstanceType<typeof Form> & { submit: () => { errors: Record<string, string[]> } };

/**
 * The form as a user will see it (bpmn.io's viewer, browser only), to try conditions
 * and validation before publishing. Nothing is sent anywhere; the server validates
 * real submissions itself.
 */
export default function FormPreviewView({ schema, data, fieldTexts, dictionary, texts }: FormPreviewViewProps) {
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const form = useRef<Viewer | null>(null);
  const [result, setResult] = useState<null | { ok: boolean; count: number }>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!root.current || !box.current) return;
    const stop = translateDom(root.current, dictionary);
    const viewer = new Form({ container: box.current, additionalModules: [designerFieldsModule(fieldTexts)] }) as Viewer;
    form.current = viewer;
    viewer
      .importSchema(schema, data)
      .then(() => root.current?.setAttribute("data-ready", "true"))
      .catch(() => setFailed(true));
    return () => {
      stop();
      form.current = null;
      viewer.destroy();
    };
  }, [schema, data, fieldTexts, dictionary]);

  function trySubmit() {
    if (!form.current) return;
    const { errors } = form.current.submit();
    const count = Object.keys(errors).length;
    setResult({ ok: count === 0, count });
  }

  return (
    <div ref={root} className="ff-form-designer ff-form-preview space-y-3 p-3" data-testid="form-preview">
      <p className="text-sm text-slate-600">{texts.intro}</p>
      {failed ? <p className="text-sm text-red-700">{texts.error}</p> : null}
      <div ref={box} className="max-w-2xl rounded-md border border-slate-200 bg-white" />
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" variant="secondary" onClick={trySubmit} data-testid="preview-submit">
          {texts.submit}
        </Button>
        {result ? (
          <span className={result.ok ? "text-sm text-green-700" : "text-sm text-red-700"} role="status" data-testid="preview-result">
            {result.ok ? texts.valid : texts.invalid(result.count)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
