import "server-only";

const DEFAULT_MAX_UPLOAD_MB = 20;

/** MAX_UPLOAD_MB (default 20) in bytes; a bad value fails loudly rather than lifting the limit. */
export function readMaxUploadBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.MAX_UPLOAD_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_MAX_UPLOAD_MB;
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MAX_UPLOAD_MB must be a positive number, not ${JSON.stringify(raw)}`);
  return Math.floor(mb * 1024 * 1024);
}

/** For the file_too_large message: "最大允许 {maxMb} MB". */
export function toMb(bytes: number): number {
  return Number((bytes / (1024 * 1024)).toFixed(2));
}
