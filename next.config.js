import createNextIntlPlugin from "next-intl/plugin";
import { PROXY_BODY_BUFFER_BYTES, SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/http/body-limits.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** The host of NEXTAUTH_URL (read when the server starts). */
function publicHost() {
  try {
    return process.env.NEXTAUTH_URL ? [new URL(process.env.NEXTAUTH_URL).host] : [];
  } catch {
    return [];
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Their .wasm and data files must resolve from node_modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pino",
    "bpmn-engine",
    "bpmn-elements",
    "bpmn-moddle",
    "moddle-context-serializer",
    "feelin",
    // pdfkit reads its font metrics from files; the CJK font is read from node_modules.
    "pdfmake",
  ],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    serverActions: {
      // The largest legitimate action input is a 2 MB diagram; proxy.ts answers 413 beyond it.
      bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES,
      // The public URL may differ from the Host a reverse proxy forwards; proxy.ts accepts both too.
      allowedOrigins: publicHost(),
    },
    // Next.js buffers bodies for proxy.ts (pages and their actions, not /api) and cuts them off here.
    proxyClientMaxBodySize: PROXY_BODY_BUFFER_BYTES,
  },
  // The Content-Security-Policy needs a nonce per request: proxy.ts sets it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(self), payment=(), usb=(), display-capture=()" },
        ],
      },
    ];
  },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
