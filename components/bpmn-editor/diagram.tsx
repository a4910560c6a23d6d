"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { DiagramViewProps } from "./diagram-view";

// bpmn-js touches the DOM as soon as it loads: never on the server.
const DiagramView = dynamic(() => import("./diagram-view"), { ssr: false, loading: () => <Loading /> });

function Loading() {
  const t = useTranslations("processes.diagram");
  return <p className="p-4 text-sm text-slate-500">{t("loading")}</p>;
}

/** A read-only process diagram (client-only bpmn-js) with markers and badges. */
export function Diagram(props: Omit<DiagramViewProps, "errorText">) {
  const t = useTranslations("processes.diagram");
  return <DiagramView {...props} errorText={t("error")} />;
}
