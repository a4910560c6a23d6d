/**
 * The Content-Security-Policy of every page. Scripts run only with the per-request
 * nonce (Next.js reads it from this header on the request and puts it on its own
 * scripts) and what those load ('strict-dynamic': the lazily loaded chunks, bpmn-js).
 * Styles allow inline: bpmn-js and the properties panel set style attributes, and a
 * nonce would switch 'unsafe-inline' off. Diagrams export and preview as data:/blob: images.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh one for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
