import "server-only";

/** RFC 5987 attr-char: what encodeURIComponent leaves alone minus ' ( ) *. */
function encodeExtValue(s: string) {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition per RFC 6266: an ASCII `filename` for old clients and a UTF-8
 * `filename*` that browsers prefer, so "营业执照.pdf" arrives intact.
 */
export function contentDisposition(name: string, disposition: "inline" | "attachment"): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/** Types a browser can show without running anything; everything else is downloaded. */
export function dispositionFor(contentType: string): "inline" | "attachment" {
  return contentType === "application/pdf" || contentType.startsWith("image/") ? "inline" : "attachment";
}
