import { describe, expect, it } from "vitest";
import { checkServerActionBody, isServerActionRequest } from "./server-action-body";

/** An action call; a FormData body brings its own multipart content type. */
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/processes/new", {
    method: "POST",
    headers: { "next-action": "7f00", ...(body instanceof FormData ? {} : { "content-type": "text/plain;charset=UTF-8" }), ...headers },
    body,
  });

function multipart(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("isServerActionRequest", () => {
  it("is a POST to a page with Next-Action or a multipart form, never an API route", () => {
    expect(isServerActionRequest(post("[]"), "/processes/new")).toBe(true);
    expect(isServerActionRequest(new Request("http://app.test/x", { method: "POST", body: multipart({ a: "1" }) }), "/x")).toBe(true);
    expect(isServerActionRequest(new Request("http://app.test/x", { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } }), "/x")).toBe(false);
    expect(isServerActionRequest(new Request("http://app.test/api/files", { method: "POST", body: multipart({ a: "1" }) }), "/api/files")).toBe(false);
    expect(isServerActionRequest(new Request("http://app.test/processes/new", { headers: { "next-action": "7f00" } }), "/processes/new")).toBe(false);
  });
});

describe("checkServerActionBody", () => {
  it("passes an argument list, as text or as React's multipart encoding", async () => {
    expect(await checkServerActionBody(post('[{"xml":"<x/>"}]'), 1000)).toBeNull();
    expect(await checkServerActionBody(post(multipart({ "0": '["$K1"]', "1_name": "x" })), 1000)).toBeNull();
  });

  it("finds a body over the limit, declared or not", async () => {
    expect(await checkServerActionBody(post("[]", { "content-length": "1001" }), 1000)).toBe("too_large");
    expect(await checkServerActionBody(post(JSON.stringify(["x".repeat(1000)])), 1000)).toBe("too_large");
  });

  it.each([
    ["not JSON", "not json {"],
    ["not UTF-8", new Uint8Array([0x5b, 0xff, 0x5d])],
    ["not a list", '{"a":1}'],
    ["empty", ""],
  ])("finds an undecodable body: %s", async (_what, body) => {
    expect(await checkServerActionBody(post(body), 1000)).toBe("undecodable");
  });

  it("finds a multipart body that does not parse or has no argument list", async () => {
    expect(await checkServerActionBody(post('--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]', { "content-type": "multipart/form-data; boundary=zzz" }), 1000)).toBe("undecodable");
    expect(await checkServerActionBody(post(multipart({ x: "1" })), 1000)).toBe("undecodable");
  });
});
