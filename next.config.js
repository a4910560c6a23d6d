import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
  ],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
