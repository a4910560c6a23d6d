import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("zh-CN and en have exactly the same keys", async () => {
    const zh = keys(await loadMessages("zh-CN")).sort();
    const en = keys(await loadMessages("en")).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it("no message is empty", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const flat = keys(await loadMessages(locale));
      expect(flat.length).toBeGreaterThan(50);
    }
  });
});
