import type { IncomingMessage, ServerResponse } from "node:http";
export function withErrorPage(dir: string, log?: (entry: Record<string, unknown>) => void): (req: IncomingMessage, res: ServerResponse) => void;
export function crashHtml(t: Record<string, string>, locale: string, opts: { portal: boolean; ref: string }): string;
