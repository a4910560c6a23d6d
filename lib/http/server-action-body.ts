/**
 * Checks on a server-action request that Next.js would otherwise answer with a 500 from
 * inside its action handler, before any of the app runs: a body over the limit, and a
 * body React cannot decode. Meant for proxy.ts, which sees a buffered copy of the body.
 */

export type ActionBodyProblem = "too_large" | "undecodable";

const isMultipart = (req: Request) => /^multipart\/form-data\s*;/i.test(req.headers.get("content-type") ?? "");

/**
 * A call of a server action: a POST to a page with the Next-Action header (from the
 * client) or a multipart form (a form posted before the page was interactive).
 */
export function isServerActionRequest(req: Request, pathname: string): boolean {
  if (req.method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  return req.headers.has("next-action") || isMultipart(req);
}

export async function checkServerActionBody(req: Request, limitBytes: number): Promise<ActionBodyProblem | null> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) return "too_large";
  const body = new Uint8Array(await req.arrayBuffer());
  if (body.byteLength > limitBytes) return "too_large";

  if (isMultipart(req)) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": req.headers.get("content-type")! } }).formData();
    } catch {
      return "undecodable";
    }
    // React's encodeReply puts the argument list in field "0"; a form posted without JS has no such field.
    const root = form.get("0");
    if (req.headers.has("next-action") && !isArgumentList(typeof root === "string" ? root : null)) return "undecodable";
    return null;
  }
  // Simple arguments come as one JSON array in UTF-8 (text/plain).
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return "undecodable";
  }
  return isArgumentList(text) ? null : "undecodable";
}

function isArgumentList(json: string | null): boolean {
  if (json === null) return false;
  try {
    return Array.isArray(JSON.parse(json));
  } catch {
    return false;
  }
}
