import "server-only";

export const MAX_FILE_NAME_CHARS = 120;
const MAX_EXT_CHARS = 12;

/**
 * The display name of an upload. The name is never used as a storage path (keys are
 * random), but it is shown, put in Content-Disposition and saved by browsers:
 * strip any path, control and invisible formatting characters (bidi overrides can
 * disguise "exe.pdf"), characters Windows refuses, leading dots; keep Chinese and
 * every other letter; cap the length, keeping the extension.
 */
export function sanitizeFileName(raw: string | null | undefined, fallbackExt: string): string {
  let name = (raw ?? "").normalize("NFC");
  name = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  name = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "");
  name = name.replace(/[<>:"|?*]/g, "_");
  name = name.replace(/\s+/gu, " ");
  name = name.replace(/^[\s.]+|[\s.]+$/gu, "");
  if (!/[\p{L}\p{N}]/u.test(name)) return `file.${fallbackExt}`;

  const dot = name.lastIndexOf(".");
  let ext = dot > 0 ? name.slice(dot + 1) : "";
  if (!ext || [...ext].length > MAX_EXT_CHARS || /\s/.test(ext)) ext = "";
  let base = ext ? name.slice(0, dot) : name;
  // Without an extension the saved file would not open: add the one the content has.
  if (!ext) ext = fallbackExt;

  const room = MAX_FILE_NAME_CHARS - [...ext].length - 1;
  const chars = [...base];
  if (chars.length > room) base = chars.slice(0, room).join("").replace(/[\s.]+$/u, "");
  return `${base}.${ext}`;
}
