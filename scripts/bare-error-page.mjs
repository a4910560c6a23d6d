// When a request fails before any of the app's own error pages can render (a page
// module that throws while loading, a failure inside Next.js itself), Next.js answers
// a bare "Internal Server Error" in plain text. For people (requests that accept HTML)
// scripts/serve.mjs puts this page in its place: the app's error page in the user's
// language (NEXT_LOCALE cookie), in the realm's wording, with a reference that is
// also written to the log. Plain HTML with inline styles: nothing of the app is loaded.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const LOCALES = ["zh-CN", "en"];

function loadTexts(dir) {
  const texts = {};
  for (const locale of LOCALES) {
    const file = path.join(dir, "lib", "i18n", "messages", `crash.${locale}.json`);
    texts[locale] = JSON.parse(fs.readFileSync(file, "utf8")).crash;
  }
  return texts;
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function localeOf(req) {
  const m = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(req.headers.cookie ?? "");
  const v = m ? decodeURIComponent(m[1]) : "";
  return LOCALES.includes(v) ? v : "zh-CN";
}

export function crashHtml(t, locale, { portal, ref }) {
  const home = portal ? "/portal" : "/";
  return `<!DOCTYPE html><html lang="${locale}" data-ff-error-page="${portal ? "portal" : "workbench"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head>
<body style="margin:0;font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#0f172a;background:#f8fafc">
<main style="min-height:60vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:24px;text-align:center">
<h1 style="font-size:24px;font-weight:600;margin:0">${escape(t.title)}</h1>
<p style="max-width:40rem;color:#475569;margin:0">${escape(portal ? t.portalMessage : t.message)}</p>
<p style="font-size:14px;color:#64748b;margin:0">${escape(t.reference)} <code data-testid="error-reference" style="background:#f1f5f9;border-radius:4px;padding:2px 8px;color:#1e293b">${escape(ref)}</code></p>
<p style="margin:0"><a href="${home}" style="color:#1d4ed8">${escape(portal ? t.portalHome : t.home)}</a></p>
</main></body></html>`;
}

/**
 * Wraps a response so that Next.js's bare plain-text 500 becomes the error page for
 * requests that accept HTML. `log` receives one object per replaced answer.
 */
export function withErrorPage(dir, log = (entry) => console.error(JSON.stringify(entry))) {
  const texts = loadTexts(dir);
  return (req, res) => {
    const end = res.end;
    res.end = function (chunk, ...rest) {
      const bare = res.statusCode === 500 && !res.headersSent && chunk != null && String(chunk) === "Internal Server Error";
      if (!bare || !(req.headers.accept ?? "").includes("text/html")) return end.call(this, chunk, ...rest);
      const locale = localeOf(req);
      const url = req.url ?? "/";
      const portal = url === "/portal" || url.startsWith("/portal/") || url.startsWith("/portal?");
      const ref = `S${randomBytes(5).toString("hex")}`;
      log({ level: 50, time: Date.now(), app: "factory-flow", ref, path: url.split("?")[0], method: req.method, msg: "request failed before the app's error page could render" });
      const html = crashHtml(texts[locale], locale, { portal, ref });
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(html));
      res.setHeader("cache-control", "no-store");
      return end.call(this, html);
    };
  };
}
