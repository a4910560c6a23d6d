// Request body limits shared by next.config.js (read by Node at start-up, so plain
// JavaScript) and proxy.ts.

/** The largest diagram the editor accepts, in characters (lib/process-admin/process-admin.schema.ts, bpmnXml). */
export const MAX_DIAGRAM_CHARS = 2_000_000;

/**
 * Server-action bodies: the largest legitimate input is one diagram, JSON-encoded in
 * UTF-8 (at most 3 bytes per character of well-formed XML: CJK text; an escaped quote
 * or line break takes 2), with room for the other fields of the dry run.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 3 * MAX_DIAGRAM_CHARS + 256 * 1024;

/**
 * How much of a request body Next.js buffers for proxy.ts (experimental.proxyClientMaxBodySize).
 * Next.js stops at the network chunk that crosses it and drops that chunk, so the buffer
 * exceeds the action limit by far more than a chunk: a body cut off there still reads as
 * over the limit. API routes (uploads among them) are not behind the proxy: their bodies
 * stream to the route unbuffered.
 */
export const PROXY_BODY_BUFFER_BYTES = SERVER_ACTION_BODY_LIMIT_BYTES + 1024 * 1024;
