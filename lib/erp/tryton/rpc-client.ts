import "server-only";
import { ErpError } from "../connector";
import { reviveTryton } from "./tryton-json";

// A small JSON-RPC client for Tryton 6.0 (POST /<db>/ with {id, method, params}).
// Sessions expire after 5 minutes without use (Tryton's default [session] timeout),
// so a 401/403 triggers one fresh login and one retry. The password stays in this
// object: it is never logged nor put in an error.

export type TrytonConfig = {
  url: string;
  database: string;
  username: string;
  password: string;
  /** Per call; the bench reads 1000-row pages, which take a second or two on SQLite. */
  timeoutMs?: number;
};

type Session = { header: string; context: Record<string, unknown> };
type Envelope = { result?: unknown; error?: unknown };

/** Tryton error names that mean "the ERP refused the data": retrying the same call will not help. */
const REFUSALS = new Set(["UserError", "UserWarning", "LoginException", "AccessError"]);

export class TrytonRpc {
  private session: Promise<Session> | null = null;
  private readonly base: string;

  constructor(private readonly cfg: TrytonConfig) {
    this.base = cfg.url.replace(/\/+$/, "");
  }

  /** `model.<model>.<method>(...args, context)` with the user's context (company, language). */
  async model<T = unknown>(model: string, method: string, ...args: unknown[]): Promise<T> {
    return this.call<T>(`model.${model}.${method}`, args);
  }

  /** Same as model() with extra context keys, e.g. { active_test: false }. */
  async modelCtx<T = unknown>(model: string, method: string, extra: Record<string, unknown>, ...args: unknown[]): Promise<T> {
    return this.call<T>(`model.${model}.${method}`, args, extra);
  }

  async call<T>(method: string, args: unknown[], extraContext: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const s = await this.ensureSession();
      const res = await this.post(`/${encodeURIComponent(this.cfg.database)}/`, method, [...args, { ...s.context, ...extraContext }], s.header);
      if ((res.status === 401 || res.status === 403) && attempt === 0) {
        this.session = null; // expired or revoked: log in again once
        continue;
      }
      return this.unwrap<T>(method, res);
    }
  }

  /** The server version; needs no login (root route). */
  async version(): Promise<string> {
    const res = await this.post("/", "common.server.version", []);
    return this.unwrap<string>("common.server.version", res);
  }

  /** Drops the session so the next call logs in again (re-reads the user's context too). */
  reset(): void {
    this.session = null;
  }

  private ensureSession(): Promise<Session> {
    if (!this.session) {
      const p = this.login();
      this.session = p;
      p.catch(() => {
        if (this.session === p) this.session = null;
      });
    }
    return this.session;
  }

  private async login(): Promise<Session> {
    const db = `/${encodeURIComponent(this.cfg.database)}/`;
    const res = await this.post(db, "common.db.login", [this.cfg.username, { password: this.cfg.password }]);
    if (res.status === 401 || res.status === 403) throw new ErpError(`Tryton refused the login of user "${this.cfg.username}"`, false, { status: res.status });
    if (res.status === 404) throw new ErpError(`Tryton has no database "${this.cfg.database}"`, false, { status: 404 });
    const [userId, token] = this.unwrap<[number, string]>("common.db.login", res);
    const header = `Session ${Buffer.from(`${this.cfg.username}:${userId}:${token}`).toString("base64")}`;
    const prefs = this.unwrap<Record<string, unknown>>(
      "model.res.user.get_preferences",
      await this.post(db, "model.res.user.get_preferences", [true, {}], header),
    );
    return { header, context: prefs };
  }

  private async post(path: string, method: string, params: unknown[], auth?: string): Promise<{ status: number; body: Envelope | null }> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.cfg.timeoutMs ?? 60_000);
    try {
      const res = await fetch(this.base + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify({ id: 1, method, params }),
        signal: ctrl.signal,
      });
      const text = await res.text();
      let body: Envelope | null = null;
      try {
        body = text ? (JSON.parse(text, reviveTryton) as Envelope) : null;
      } catch {
        body = null;
      }
      return { status: res.status, body };
    } catch (e) {
      const why = ctrl.signal.aborted ? `no answer within ${this.cfg.timeoutMs ?? 60_000} ms` : networkReason(e);
      throw new ErpError(`Tryton at ${this.base} unreachable (${method}): ${why}`, true);
    } finally {
      clearTimeout(timer);
    }
  }

  private unwrap<T>(method: string, res: { status: number; body: Envelope | null }): T {
    const { status, body } = res;
    if (status >= 500 || status === 429) throw new ErpError(`Tryton answered HTTP ${status} to ${method}`, true, { status });
    if (status >= 400 || !body) throw new ErpError(`Tryton answered HTTP ${status} to ${method}`, false, { status });
    if (body.error !== undefined && body.error !== null) throw trytonError(method, body.error);
    return body.result as T;
  }
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/** Maps Tryton's error payload (["UserError", [message, description, domain]] or [str(exc), traceback]) to ErpError. */
function trytonError(method: string, error: unknown): ErpError {
  if (Array.isArray(error) && typeof error[0] === "string") {
    const [name, args] = error as [string, unknown];
    if (REFUSALS.has(name)) {
      const parts = Array.isArray(args) ? args : [args];
      // UserWarning is (name, message, description); the others start with the message.
      const [message, description] = name === "UserWarning" ? parts.slice(1) : parts;
      const text = [message, description].filter((s) => typeof s === "string" && s).join(" - ");
      return new ErpError(`Tryton refused ${method}: ${text || name}`, false, { name, args });
    }
    if (name === "ConcurrencyException") return new ErpError(`Tryton: record changed meanwhile (${method})`, true, { name, args });
    // Anything else is a server-side exception; a locked SQLite file is the one a retry fixes.
    const transient = /database is locked|could not serialize|deadlock/i.test(name);
    return new ErpError(`Tryton failed on ${method}: ${name.split("\n")[0].slice(0, 300)}`, transient, { name });
  }
  return new ErpError(`Tryton failed on ${method}`, false, { error });
}
