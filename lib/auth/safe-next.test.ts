import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

type Realm = "employee" | "supplier";

// [realm, next as the page receives it (already percent-decoded once), where sign-in goes]
const CASES: [Realm, unknown, string][] = [
  // Same-origin paths of the realm are kept, query and fragment included.
  ["employee", "/inbox", "/inbox"],
  ["employee", "/", "/"],
  ["employee", "/srm/suppliers/42?tab=docs#files", "/srm/suppliers/42?tab=docs#files"],
  ["employee", "/admin/employees?q=%E5%88%98", "/admin/employees?q=%E5%88%98"],
  ["employee", "/a/../inbox", "/inbox"],
  ["employee", "/portalish", "/portalish"],
  ["supplier", "/portal", "/portal"],
  ["supplier", "/portal/tasks?view=mine", "/portal/tasks?view=mine"],
  // Nothing, or not a string (a repeated parameter), goes home.
  ["employee", undefined, "/"],
  ["employee", "", "/"],
  ["employee", ["/inbox", "/x"], "/"],
  ["supplier", null, "/portal"],
  // Other sites, however spelled.
  ["employee", "/\\evil.example/x", "/"],
  ["employee", "\\\\evil.example/x", "/"],
  ["employee", "/\\\\evil.example", "/"],
  ["employee", "//evil.example/x", "/"],
  ["employee", "///evil.example/x", "/"],
  ["employee", "https://evil.example/x", "/"],
  ["employee", "http:evil.example", "/"],
  ["employee", "HTTPS://evil.example", "/"],
  ["employee", "javascript:alert(1)", "/"],
  ["employee", "data:text/html,<script>alert(1)</script>", "/"],
  ["employee", "/\t/evil.example/x", "/"],
  ["employee", "/\n/evil.example", "/"],
  ["employee", "\t//evil.example", "/"],
  ["employee", " /inbox", "/"],
  ["employee", "/%5Cevil.example/x", "/"],
  ["employee", "/%2F/evil.example", "/"],
  ["employee", "inbox", "/"],
  ["employee", "/inbox\u0000", "/"],
  ["supplier", "/\\evil.example/portal", "/portal"],
  ["supplier", "//evil.example/portal", "/portal"],
  ["supplier", "https://evil.example/portal", "/portal"],
  // Each realm stays in its own area.
  ["employee", "/portal", "/"],
  ["employee", "/portal/tasks", "/"],
  ["employee", "/inbox/../portal/tasks", "/"],
  ["supplier", "/", "/portal"],
  ["supplier", "/admin/employees", "/portal"],
  ["supplier", "/portalx", "/portal"],
  ["supplier", "/portal/../admin", "/portal"],
];

describe("safeNext: where a sign-in may go", () => {
  it.each(CASES)("%s %j -> %s", (realm, next, want) => {
    expect(safeNext(realm, next)).toBe(want);
  });

  it("every accepted value is a same-origin path with one leading slash and no backslash or control character", () => {
    for (const [realm, next] of CASES) {
      const out = safeNext(realm, next);
      expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
      expect(/[\\\u0000-\u001f\u007f]/.test(out)).toBe(false);
      expect(new URL(out, "https://app.example").origin).toBe("https://app.example");
    }
  });
});
