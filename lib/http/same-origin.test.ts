import { describe, expect, it } from "vitest";
import { isOwnOrigin } from "./same-origin";

describe("isOwnOrigin", () => {
  const app = { host: "127.0.0.1:3000", publicUrl: "https://flow.example.com" };
  it.each([
    ["the public URL", "https://flow.example.com", true],
    ["the public URL with its default port spelled out", "https://flow.example.com:443", true],
    ["the Host the request went to", "http://127.0.0.1:3000", true],
    ["the public host over another scheme", "http://flow.example.com", false],
    ["another port", "http://127.0.0.1:3001", false],
    ["another site", "https://evil.example", false],
    ["a look-alike", "https://flow.example.com.evil.example", false],
    ["null (sandboxed frame)", "null", false],
    ["garbage", "not a url", false],
  ])("%s", (_what, origin, own) => {
    expect(isOwnOrigin(origin, app)).toBe(own);
  });

  it("compares the Host with the origin's default port", () => {
    expect(isOwnOrigin("http://intranet", { host: "intranet:80", publicUrl: undefined })).toBe(true);
    expect(isOwnOrigin("http://intranet", { host: null, publicUrl: undefined })).toBe(false);
  });
});
