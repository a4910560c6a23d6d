// Why a supplier is blocked, as stored on Supplier.blockedReason and as people read it.
export type BlockReason = { typeCode: string; nameZh: string; nameEn: string; expiredOn: string };

function readBlockReasons(stored: unknown): BlockReason[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((r): r is BlockReason => typeof r === "object" && r !== null && typeof (r as BlockReason).typeCode === "string" && typeof (r as BlockReason).expiredOn === "string");
}

/**
 * The same reasons as stored ones, compared by their content: the database keeps JSON
 * objects with their keys reordered, so the stored text differs from the one written.
 */
export function sameBlockReasons(stored: unknown, reasons: BlockReason[]): boolean {
  const key = (rs: BlockReason[]) => rs.map((r) => [r.typeCode, r.nameZh, r.nameEn, r.expiredOn].join("\u0000")).join("\u0001");
  return key(readBlockReasons(stored)) === key(reasons);
}

/** "营业执照已于 2026-12-01 过期" (English: "Business licence expired on 2026-12-01"), several joined. */
export function blockReasonText(stored: unknown, locale: string): string {
  const zh = !locale.startsWith("en");
  return readBlockReasons(stored)
    .map((r) => (zh ? `${r.nameZh}已于 ${r.expiredOn} 过期` : `${r.nameEn} expired on ${r.expiredOn}`))
    .join(zh ? "；" : "; ");
}
