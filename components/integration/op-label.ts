type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/**
 * A sync-log operation ("read.products", "read.masterData.tax") or a write's
 * operation ("upsertParty") in words; unknown ones stay as they are.
 */
export function opLabel(t: T, op: string): string {
  const master = /^read\.masterData\.(\w+)$/.exec(op);
  if (master && t.has(`masterKinds.${master[1]}`)) return t("ops.readMasterData", { kind: t(`masterKinds.${master[1]}`) });
  for (const key of [op.replace(/\./g, "_"), `write_${op}`]) if (t.has(`ops.${key}`)) return t(`ops.${key}`);
  return op;
}
