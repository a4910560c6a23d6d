"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

// bpmn-js touches the DOM as soon as it loads: never on the server. The one read-only
// viewer of the product (also behind the process pages' diagrams).
const DiagramView = dynamic(() => import("@/components/bpmn-editor/diagram-view"), {
  ssr: false,
  loading: () => <DiagramLoading />,
});

function DiagramLoading() {
  const t = useTranslations("inbox.task");
  return <p className="p-4 text-sm text-slate-500">{t("diagramLoading")}</p>;
}

/** The process diagram of an instance with its current and completed steps marked, and a legend. */
export function ProcessDiagram({ xml, current, completed }: { xml: string; current: string[]; completed: string[] }) {
  const t = useTranslations("inbox.task");
  return (
    <div>
      <DiagramView
        xml={xml}
        markers={{ "ff-completed": completed, "ff-current": current }}
        testId="bpmn-diagram"
        errorText={t("diagramError")}
        className="h-64 w-full overflow-hidden rounded-md border border-slate-200 bg-white sm:h-80"
      />
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <li className="flex items-center gap-1.5">
          <span className="h-3 w-4 rounded-sm border-2 border-[#1d4ed8] bg-[#dbeafe]" aria-hidden />
          {t("legendCurrent")}
        </li>
        <li className="flex items-center gap-1.5">
          <span className="h-3 w-4 rounded-sm border border-[#15803d] bg-[#f0fdf4]" aria-hidden />
          {t("legendCompleted")}
        </li>
      </ul>
    </div>
  );
}
