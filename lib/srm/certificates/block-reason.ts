// Why a supplier is blocked, as stored on Supplier.blockedReason and as people read it.
export type BlockReason = { typeCode: string; nameZh: string; nameEn: string; expiredOn: string };

function readBlockReasons(stored: unknown): BlockReason[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((r): r is BlockReason => typeof r === "object" && r !== null && typeof (r as BlockReason).typeCode === "string" && typeof (r as BlockReason).expiredOn === "string");
}

/** "营业执照已于 2026-12-01 过期" (English: "Business licence expired on 2026-12-01"), several joined. */
export function blockReasonText(stored: unknown, locale: string): string {
  const zh = !locale.startsWith("en");
  return readBlockReasons(stored)
    .map((r) => (zh ? `${r.nameZh}已于 ${r.expiredOn} 过期` : `${r.nameEn} expired on ${r.expiredOn}`))
    .join(zh ? "；" : "; ");
}
