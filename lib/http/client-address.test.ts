import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies, PEER_HEADER_ENV, requestAddress } from "./client-address";

const none = parseTrustedProxies(undefined);
const local = parseTrustedProxies("127.0.0.1, ::1");
const lan = parseTrustedProxies("10.0.0.0/8, 192.168.1.0/24, fd00::/8");

describe("clientAddress", () => {
  it.each([
    // [what, peer, X-Forwarded-For, trusted, expected]
    ["no proxies configured: the peer, whatever the header says", "203.0.113.7", "198.51.100.1", none, "203.0.113.7"],
    ["no proxies configured, spoofed chain", "203.0.113.7", "1.1.1.1, 2.2.2.2, 3.3.3.3", none, "203.0.113.7"],
    ["peer is not a trusted proxy", "203.0.113.7", "198.51.100.1", local, "203.0.113.7"],
    ["trusted proxy, one hop", "127.0.0.1", "198.51.100.1", local, "198.51.100.1"],
    ["trusted proxy, spoofed entries left of the real client", "127.0.0.1", "6.6.6.6, 7.7.7.7, 198.51.100.1", local, "198.51.100.1"],
    ["client claims to be a proxy in the chain", "10.0.0.2", "6.6.6.6, 10.9.9.9, 198.51.100.1", lan, "198.51.100.1"],
    ["chain of trusted proxies: the right-most untrusted", "10.0.0.2", "198.51.100.1, 192.168.1.20, 10.1.2.3", lan, "198.51.100.1"],
    ["every hop trusted: the left-most", "10.0.0.2", "10.1.1.1, 10.2.2.2", lan, "10.1.1.1"],
    ["trusted proxy without the header: the proxy", "127.0.0.1", undefined, local, "127.0.0.1"],
    ["trusted proxy, empty header", "127.0.0.1", " , ", local, "127.0.0.1"],
    ["garbage right of the trusted hops: the last proxy", "10.0.0.2", "198.51.100.1, unknown", lan, "10.0.0.2"],
    ["garbage left of the client is never reached", "127.0.0.1", "<script>, 198.51.100.1", local, "198.51.100.1"],
    ["IPv4-mapped IPv6 peer matches an IPv4 proxy", "::ffff:127.0.0.1", "198.51.100.1", local, "198.51.100.1"],
    ["IPv4-mapped IPv6 peer, untrusted, spelled as IPv4", "::ffff:1.2.3.4", "198.51.100.1", local, "1.2.3.4"],
    ["IPv6 loopback proxy", "::1", "2001:db8::7", local, "2001:db8::7"],
    ["IPv6 client, canonical spelling", "::1", "2001:0DB8:0000:0000:0000:0000:0000:0007", local, "2001:db8::7"],
    ["IPv6 CIDR", "fd12:3456::1", "2001:db8::1, fd00:1::2", lan, "2001:db8::1"],
    ["IPv6 outside the CIDR", "fe80::1", "2001:db8::1", lan, "fe80::1"],
    ["ports and brackets are dropped", "127.0.0.1", "[2001:db8::9]:4711, 198.51.100.1:8080", local, "198.51.100.1"],
    ["CIDR edge: 192.168.1.255 is inside /24", "192.168.1.255", "198.51.100.1", lan, "198.51.100.1"],
    ["CIDR edge: 192.168.2.1 is outside /24", "192.168.2.1", "198.51.100.1", lan, "192.168.2.1"],
    ["unknown peer", undefined, "198.51.100.1", local, "unknown"],
    ["peer that is no address", "not-an-ip", "198.51.100.1", local, "unknown"],
  ] as const)("%s", (_what, peer, forwardedFor, trusted, expected) => {
    expect(clientAddress({ peer, forwardedFor, trusted })).toBe(expected);
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and ranges of both families", () => {
    expect(parseTrustedProxies(" 127.0.0.1 ,10.0.0.0/8,::1, fd00::/8, ::ffff:10.0.0.0/104 ")).toHaveLength(5);
    expect(parseTrustedProxies("")).toEqual([]);
  });

  it("matches /0 and /32 exactly", () => {
    expect(clientAddress({ peer: "8.8.8.8", forwardedFor: "1.2.3.4", trusted: parseTrustedProxies("0.0.0.0/0") })).toBe("1.2.3.4");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4", trusted: parseTrustedProxies("10.0.0.1/32") })).toBe("10.0.0.2");
  });

  it.each(["localhost", "10.0.0.0/33", "::1/129", "1.2.3", "1.2.3.256", "10.0.0.0/8/1", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "10.0.0.0/x"])(
    "refuses %s loudly",
    (entry) => {
      expect(() => parseTrustedProxies(entry)).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::", "::"],
    ["1::", "1::"],
    ["hello", null],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("requestAddress", () => {
  const env = { [PEER_HEADER_ENV]: "x-ff-peer-address" };

  it("takes the peer from the header the custom server fills, not X-Forwarded-For", () => {
    expect(requestAddress({ "x-ff-peer-address": "::ffff:127.0.0.1", "x-forwarded-for": "9.9.9.9" }, env)).toBe("127.0.0.1");
    expect(requestAddress(new Headers({ "x-ff-peer-address": "203.0.113.7", "x-forwarded-for": "9.9.9.9" }), env)).toBe("203.0.113.7");
  });

  it("honours X-Forwarded-For from a trusted proxy", () => {
    expect(requestAddress({ "x-ff-peer-address": "127.0.0.1", "x-forwarded-for": "9.9.9.9" }, { ...env, TRUSTED_PROXIES: "127.0.0.1" })).toBe("9.9.9.9");
  });

  it("believes no peer header when the app is not served by scripts/serve.mjs", () => {
    expect(requestAddress({ "x-ff-peer-address": "203.0.113.7", "x-forwarded-for": "9.9.9.9" }, {})).toBe("unknown");
  });
});
