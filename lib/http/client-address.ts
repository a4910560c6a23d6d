import "server-only";

/**
 * The address a request came from, for the sign-in limits and the audit trail.
 *
 * X-Forwarded-For is whatever the client wrote, unless a proxy we run appended to it:
 * it is read only when the socket peer is one of TRUSTED_PROXIES, and then from the
 * right, stopping at the first address that is not a trusted proxy (everything left of
 * it may be made up). Next.js hides the socket, so scripts/serve.mjs copies the peer
 * into a private request header, overwriting whatever a client sent in its name.
 */

/** Set by scripts/serve.mjs to the header it fills; unset, no header is believed (plain `next start`/`next dev`). */
export const PEER_HEADER_ENV = "FF_PEER_HEADER";

/** An address as 16 bytes (IPv4 as ::ffff:a.b.c.d), so that both families compare alike. */
type Bytes = Uint8Array;
type Range = { bytes: Bytes; prefix: number };
export type TrustedProxies = readonly Range[];

function parseIpv4(s: string): Bytes | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map((p) => (p.length > 1 && p.startsWith("0") ? NaN : Number(p)));
  if (parts.some((p) => !(p >= 0 && p <= 255))) return null;
  return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...parts]);
}

function parseIpv6(s: string): Bytes | null {
  const text = s.replace(/%[\w.-]+$/, "").toLowerCase(); // a zone (fe80::1%eth0) says nothing about the host
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === "") return [];
    const out: number[] = [];
    const parts = h.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIpv4(p);
        if (!v4) return null;
        out.push((v4[12] << 8) | v4[13], (v4[14] << 8) | v4[15]);
      } else if (/^[0-9a-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** An address as written in a header or by the socket: brackets and a port are allowed. */
function parseAddress(raw: string): Bytes | null {
  const s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) return parseIpv6(bracketed[1]);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(s);
  if (v4port) return parseIpv4(v4port[1]);
  return s.includes(":") ? parseIpv6(s) : null;
}

const isMappedV4 = (b: Bytes) => b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** One spelling per address: IPv4 (also when it came IPv4-mapped) dotted, IPv6 compressed (RFC 5952). */
function format(b: Bytes): string {
  if (isMappedV4(b)) return Array.from(b.subarray(12)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/** The canonical text of an address, or null when `raw` is not one. */
export function normalizeAddress(raw: string): string | null {
  const b = parseAddress(raw);
  return b && format(b);
}

/** TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, IPv4 and IPv6. A bad entry throws. */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  return (setting ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const [addr, bits, extra] = entry.split("/");
      const bytes = extra === undefined ? (parseIpv4(addr) ?? parseIpv6(addr)) : null;
      const v4 = !!bytes && !addr.includes(":");
      const max = v4 ? 32 : 128;
      const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
      if (!bytes || !(prefix >= 0 && prefix <= max)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      return { bytes, prefix: v4 ? prefix + 96 : prefix };
    });
}

function inRange(b: Bytes, r: Range): boolean {
  const full = r.prefix >> 3;
  for (let i = 0; i < full; i++) if (b[i] !== r.bytes[i]) return false;
  const rest = r.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (b[full] & mask) === (r.bytes[full] & mask);
}

const trusts = (trusted: TrustedProxies, b: Bytes) => trusted.some((r) => inRange(b, r));

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy, the
 * right-most address of X-Forwarded-For that is not itself a trusted proxy. "unknown"
 * when the peer is not known (all such requests then share one address).
 */
export function clientAddress(input: { peer: string | undefined; forwardedFor: string | undefined; trusted: TrustedProxies }): string {
  let current = input.peer ? parseAddress(input.peer) : null;
  if (!current) return "unknown";
  const hops = (input.forwardedFor ?? "").split(",").filter((h) => h.trim());
  for (let i = hops.length - 1; i >= 0 && trusts(input.trusted, current); i--) {
    const hop = parseAddress(hops[i]);
    // Garbage from a trusted proxy: the proxy that passed it on is the last address known.
    if (!hop) break;
    current = hop;
  }
  return format(current);
}

type HeaderBag = Record<string, unknown> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const v = headers instanceof Headers ? headers.get(name) : headers[name];
  if (Array.isArray(v)) return v.join(",");
  return typeof v === "string" ? v : undefined;
}

let parsed: { setting: string | undefined; trusted: TrustedProxies } | undefined;

/** clientAddress for a request's headers, with TRUSTED_PROXIES and the peer header from `env`. */
export function requestAddress(headers: HeaderBag, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (!parsed || parsed.setting !== env.TRUSTED_PROXIES) parsed = { setting: env.TRUSTED_PROXIES, trusted: parseTrustedProxies(env.TRUSTED_PROXIES) };
  const peerHeader = env[PEER_HEADER_ENV];
  return clientAddress({
    peer: peerHeader ? header(headers, peerHeader) : undefined,
    forwardedFor: header(headers, "x-forwarded-for"),
    trusted: parsed.trusted,
  });
}
