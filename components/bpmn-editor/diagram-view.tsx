"use client";

import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./editor.css";
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import { useEffect, useRef, useState } from "react";
import { ffModdleDescriptor } from "@/lib/workflow/ff-descriptor";
import { withAsciiIds } from "./read-diagram";

type DiagramBadge = { elementId: string; text: string; title?: string; color: string };
export type DiagramViewProps = {
  xml: string;
  /** Marker class -> element ids (ff-added, ff-current, ...; styles in editor.css). */
  markers?: Record<string, string[]>;
  badges?: DiagramBadge[];
  errorText: string;
  className?: string;
  testId?: string;
};

type Canvas = { zoom: (l: "fit-viewport", c?: "auto") => void; addMarker: (id: string, m: string) => void };
type Registry = { get: (id: string) => unknown };
type Overlays = { add: (id: string, type: string, o: object) => string };

/**
 * A read-only bpmn-js diagram with markers and small badges (diff colours,
 * instance state, heat map). Browser only; destroyed on unmount; the bpmn.io
 * watermark stays.
 */
export default function DiagramView({ xml, markers = {}, badges = [], errorText, className, testId = "bpmn-view" }: DiagramViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const markerKey = JSON.stringify(markers);
  const badgeKey = JSON.stringify(badges);

  useEffect(() => {
    if (!box.current) return;
    const viewer = new NavigatedViewer({ container: box.current, moddleExtensions: { ff: ffModdleDescriptor } } as never);
    let alive = true;
    // Renamed exactly as the server renamed them, so the engine's element ids match the shapes.
    withAsciiIds(xml)
      .then((safe) => viewer.importXML(safe.xml))
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get("canvas") as Canvas;
        const registry = viewer.get("elementRegistry") as Registry;
        const overlays = viewer.get("overlays") as Overlays;
        for (const [marker, ids] of Object.entries(JSON.parse(markerKey) as Record<string, string[]>)) {
          for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
        }
        for (const b of JSON.parse(badgeKey) as DiagramBadge[]) {
          if (!registry.get(b.elementId)) continue;
          const el = document.createElement("div");
          el.className = "ff-heat";
          el.style.background = b.color;
          el.textContent = b.text;
          el.dataset.elementId = b.elementId;
          if (b.title) el.title = b.title;
          overlays.add(b.elementId, "ff-badge", { position: { top: -18, left: 0 }, html: el });
        }
        canvas.zoom("fit-viewport", "auto");
        box.current?.setAttribute("data-ready", "true");
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, markerKey, badgeKey]);

  return (
    <div className={className}>
      {failed ? <p className="p-4 text-sm text-slate-500">{errorText}</p> : null}
      <div ref={box} className="ff-view h-full w-full" data-testid={testId} />
    </div>
  );
}
