"use client";

import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./diagram-markers.css";
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import { useEffect, useRef, useState } from "react";

export type DiagramViewerProps = {
  xml: string;
  /** Elements waiting now (open tasks, pending service steps): marked ff-current. */
  current?: string[];
  /** Elements the instance has passed: marked ff-completed. */
  completed?: string[];
  errorText: string;
  className?: string;
};

type Canvas = { zoom: (level: "fit-viewport" | number, center?: "auto") => void; addMarker: (id: string, marker: string) => void };
type Registry = { get: (id: string) => unknown };

/**
 * bpmn-js, browser only (loaded through next/dynamic with ssr: false). The
 * viewer is created once per diagram and destroyed on unmount; the bpmn.io
 * watermark stays, as its licence asks.
 */
export default function DiagramViewer({ xml, current = [], completed = [], errorText, className }: DiagramViewerProps) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const currentKey = current.join(",");
  const completedKey = completed.join(",");

  useEffect(() => {
    if (!box.current) return;
    const viewer = new NavigatedViewer({ container: box.current });
    let alive = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get("canvas") as Canvas;
        const registry = viewer.get("elementRegistry") as Registry;
        const mark = (ids: string, marker: string) => {
          for (const id of ids.split(",").filter(Boolean)) if (registry.get(id)) canvas.addMarker(id, marker);
        };
        mark(completedKey, "ff-completed");
        mark(currentKey, "ff-current");
        canvas.zoom("fit-viewport", "auto");
        box.current?.setAttribute("data-ready", "true");
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, currentKey, completedKey]);

  return (
    <div className={className}>
      {failed ? <p className="p-4 text-sm text-slate-500">{errorText}</p> : null}
      <div ref={box} className="ff-diagram h-full w-full" data-testid="bpmn-diagram" />
    </div>
  );
}
