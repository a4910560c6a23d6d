import "server-only";
import nodemailer from "nodemailer";

export type MailConfig = { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string };

/** SMTP settings from the environment; null when e-mail is not configured. */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  if (!env.SMTP_HOST) return null;
  return {
    host: env.SMTP_HOST,
    port: Number(env.SMTP_PORT ?? 587),
    secure: env.SMTP_SECURE === "1" || env.SMTP_PORT === "465",
    user: env.SMTP_USER || undefined,
    pass: env.SMTP_PASSWORD || undefined,
    from: env.SMTP_FROM ?? "精工协同 <no-reply@localhost>",
  };
}

export function createTransport(cfg: MailConfig) {
  return nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.pass } : undefined,
    // Plain SMTP on a closed factory network is normal; upgrade when the server offers it.
    ignoreTLS: !cfg.secure && process.env.SMTP_IGNORE_TLS === "1",
  });
}
