import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { permissionMessageKey } from "@/lib/org/list-roles";
import { PERMISSIONS, type Permission } from "./permissions";

// /admin/roles names every permission of the table and says in a line what it allows;
// a permission added to the table without both, in both languages, fails here.
describe("permission labels", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`every permission has a name and an explanation in ${locale}`, async () => {
      const roles = ((await loadMessages(locale)).admin as { roles: Record<string, Record<string, unknown>> }).roles;
      const missing: string[] = [];
      for (const p of Object.keys(PERMISSIONS) as Permission[]) {
        const key = permissionMessageKey(p);
        for (const group of ["permissions", "permissionHints"]) {
          const text = roles[group]?.[key];
          if (typeof text !== "string" || !text.trim() || /^[a-z_]+(\.[a-z_]+)+$/.test(text)) missing.push(`${group}.${key}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
