/**
 * Whether a request's Origin header names the app itself: the origin of the public URL
 * (NEXTAUTH_URL), or the host the request was sent to. "null" (sandboxed frames,
 * privacy redirects) and anything unparsable are foreign.
 */
export function isOwnOrigin(origin: string, app: { host: string | null; publicUrl: string | undefined }): boolean {
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  if (app.publicUrl && originOf(app.publicUrl) === from.origin) return true;
  // The Host header spelled as a URL of the same scheme, so that default ports compare alike.
  return !!app.host && originOf(`${from.protocol}//${app.host}`) === from.origin;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
