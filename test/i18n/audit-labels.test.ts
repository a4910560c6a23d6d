import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every audit action and record type the code writes has a label in both languages
// (components/admin/audit-entry.tsx shows the raw code otherwise).

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const code = [...sources("lib"), ...sources("app")].map((f) => fs.readFileSync(f, "utf8")).join("\n");
const literals = (re: RegExp) => new Set([...code.matchAll(re)].flatMap((m) => [...m[1].matchAll(/"([A-Za-z_.]+)"/g)].map((x) => x[1])));
// `action: "a.b"` and `action: cond ? "a.b" : "c.d"`; task actions go through record(tx, actor, task, "task.x", ...).
const actions = new Set([...literals(/action: ([^,}]+)/g), ...literals(/record\(tx, actor, task, ([^,]+(?:\? [^,]+)?),/g)].filter((a) => a.includes(".")));
const entities = new Set([...literals(/entity: ("[A-Z][A-Za-z]+")/g), "Customer"]);

const labels = (locale: string) => JSON.parse(fs.readFileSync(`lib/i18n/messages/admin.${locale}.json`, "utf8")).admin.audit as { actions: Record<string, string>; entities: Record<string, string> };

describe.each(["zh-CN", "en"])("audit labels in %s", (locale) => {
  const { actions: a, entities: e } = labels(locale);
  it("name every action the code writes", () => {
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((x) => !a[x.replaceAll(".", "_")]).sort()).toEqual([]);
  });
  it("name every record type the code writes", () => {
    expect(entities.size).toBeGreaterThan(15);
    expect([...entities].filter((x) => !e[x]).sort()).toEqual([]);
  });
});
