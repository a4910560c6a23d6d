import { Button } from "@/components/ui/button";
import type crashMessages from "@/lib/i18n/messages/crash.zh-CN.json";

export type CrashRealm = "workbench" | "portal";
export type CrashKey = keyof (typeof crashMessages)["crash"];

/** Next's digest of a server error: the `ref` of its line in the server log (instrumentation.ts). */
function errorDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" && error.digest ? error.digest : undefined;
}

/**
 * The server-error page of both realms and of global-error: what happened in plain
 * words, the reference a user can read out to support, a retry and a way home.
 * The error's own message never reaches the screen. An error raised in the browser
 * has no digest, so it shows no reference. `t` reads the "crash" messages.
 */
export function CrashPage({ realm, t, error, retry }: { realm: CrashRealm; t: (key: CrashKey) => string; error: unknown; retry: () => void }) {
  const ref = errorDigest(error);
  const portal = realm === "portal";
  return (
    <main data-ff-error-page={realm} className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose text-slate-600">{t(portal ? "portalMessage" : "message")}</p>
      {ref && (
        <p className="flex flex-wrap items-center justify-center gap-2 text-sm text-slate-500">
          <span>{t("reference")}</span>
          <code data-testid="error-reference" className="select-all rounded bg-slate-100 px-2 py-0.5 font-mono text-slate-800">{ref}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center justify-center gap-4">
        <Button type="button" onClick={retry}>{t("retry")}</Button>
        {/* A full page load: after a server error nothing of the old page is worth keeping. */}
        <a href={portal ? "/portal" : "/"} className="text-brand-700 hover:underline">{t(portal ? "portalHome" : "home")}</a>
      </div>
    </main>
  );
}
