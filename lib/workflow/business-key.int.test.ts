import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { openDb } from "@/lib/db/client";
import { dbKinds, freshDb } from "@/test/db";
import { businessKeyPrefix, nextBusinessKey } from "./business-key";

describe("business key prefixes", () => {
  it("uses the shipped prefixes and initials otherwise", () => {
    expect(businessKeyPrefix("purchase_requisition")).toBe("PR");
    expect(businessKeyPrefix("quality_issue")).toBe("QI");
    expect(businessKeyPrefix("supplier_onboarding_review")).toBe("SOR");
    expect(businessKeyPrefix("__")).toBe("BP");
  });
});

const kinds = await dbKinds();

describe.each(kinds)("business keys on %s", (kind) => {
  let opened: Awaited<ReturnType<typeof freshDb>>;
  beforeAll(async () => {
    opened = await freshDb(kind);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("counts per process and per day in the company's time zone", async () => {
    // 2026-11-28 23:30 in Shanghai is still the 28th there, though the 28th 15:30 UTC.
    const late = new Date("2026-11-28T15:30:00Z");
    expect(await nextBusinessKey(opened.db, SYSTEM, "purchase_requisition", late)).toBe("PR-20261128-0001");
    expect(await nextBusinessKey(opened.db, SYSTEM, "purchase_requisition", late)).toBe("PR-20261128-0002");
    expect(await nextBusinessKey(opened.db, SYSTEM, "quality_issue", late)).toBe("QI-20261128-0001");
    expect(await nextBusinessKey(opened.db, SYSTEM, "purchase_requisition", new Date("2026-11-28T16:30:00Z"))).toBe("PR-20261129-0001");
    expect(await opened.db.auditLog.count({ where: { entity: "BusinessKey", action: "process.business_key" } })).toBe(4);
  });

  it("hands out 20 distinct, gapless keys to 20 parallel callers", async () => {
    const at = new Date("2026-12-01T02:00:00Z");
    // On PostgreSQL the callers also use separate connection pools, as separate app instances would.
    const others = kind === "postgresql" ? await Promise.all([1, 2, 3].map(() => openDb({ mode: "postgresql", url: opened.url! }))) : [];
    try {
      const dbs = [opened.db, ...others.map((o) => o.db)];
      const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => nextBusinessKey(dbs[i % dbs.length], SYSTEM, "quality_issue", at)));
      expect(new Set(keys).size).toBe(20);
      expect([...keys].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `QI-20261201-${String(i + 1).padStart(4, "0")}`));
    } finally {
      for (const o of others) await o.close();
    }
  });
});
