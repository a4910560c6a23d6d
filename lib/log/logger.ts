import "server-only";
import pino from "pino";

// JSON to stdout; no transports (their worker threads break inside Next bundles).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "factory-flow" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash"],
});
