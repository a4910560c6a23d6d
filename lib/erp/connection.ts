import "server-only";
import type { Actor } from "../auth/actor";
import { requirePermission } from "../auth/permissions";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { ErpError, type ConnectorKind } from "./connector";
import { ensureErpPoller } from "./ensure-poller";
import { connectionInput, type ConnectionInput } from "./erp.schema";
import { decryptSecret, encryptSecret } from "./secret-box";
import { parseInput } from "../errors/parse-input";

const ID = "default";

/** The stored connection, password still sealed. Only lib/erp reads the plaintext (see connectorSettings). */
export type StoredConnection = {
  kind: ConnectorKind;
  url: string | null;
  database: string | null;
  username: string | null;
  passwordEnc: string | null;
  pollSeconds: number;
  healthOk: boolean | null;
  healthAt: Date | null;
  healthMessage: string | null;
  updatedAt: Date | null;
};

const BUILTIN: StoredConnection = { kind: "builtin", url: null, database: null, username: null, passwordEnc: null, pollSeconds: 60, healthOk: null, healthAt: null, healthMessage: null, updatedAt: null };

/** The configured connection; the built-in connector when nothing was saved yet. */
export async function loadConnection(db: Db): Promise<StoredConnection> {
  const row = await db.erpConnection.findUnique({ where: { id: ID } });
  return row ? { ...row, kind: row.kind } : BUILTIN;
}

/** What the integration centre shows: everything but the password. */
export type ConnectionView = Omit<StoredConnection, "passwordEnc"> & { hasPassword: boolean };

export async function connectionView(db: Db): Promise<ConnectionView> {
  const { passwordEnc, ...rest } = await loadConnection(db);
  return { ...rest, hasPassword: !!passwordEnc };
}

/** The plaintext settings a connector needs; never returned to callers outside lib/erp. */
export function connectorSettings(c: StoredConnection) {
  let password = "";
  try {
    password = c.passwordEnc ? decryptSecret(c.passwordEnc) : "";
  } catch {
    throw new ErpError("the stored ERP password cannot be decrypted (was ERP_SECRET_KEY or the auth secret changed?): enter it again", false);
  }
  return { url: c.url ?? "", database: c.database ?? "", username: c.username ?? "", password };
}

/** Saves the connection. An empty password keeps the stored one; the audit row never holds it. */
export async function saveConnection(db: Db, who: Actor, raw: ConnectionInput): Promise<ConnectionView> {
  const actor = requirePermission(who, "integration.manage");
  const input = parseInput(connectionInput, raw);
  await db.$transaction(async (tx) => {
    const before = await tx.erpConnection.findUnique({ where: { id: ID } });
    const passwordEnc = input.password ? encryptSecret(input.password) : (before?.passwordEnc ?? null);
    if (input.kind === "tryton" && !passwordEnc) throw new AppError("validation", { fieldErrors: { password: "validation.invalid_type" } });
    const data = { kind: input.kind, url: input.url, database: input.database, username: input.username, passwordEnc, pollSeconds: input.pollSeconds };
    // A changed target makes the last health check meaningless.
    const changed = !before || before.kind !== data.kind || before.url !== data.url || before.database !== data.database || before.username !== data.username || before.passwordEnc !== passwordEnc;
    const health = changed ? { healthOk: null, healthAt: null, healthMessage: null } : {};
    await tx.erpConnection.upsert({ where: { id: ID }, create: { id: ID, ...data }, update: { ...data, ...health } });
    // Cursors belong to the ERP they were read from: another ERP (or database) starts over.
    const otherErp = !before || before.kind !== data.kind || before.url !== data.url || before.database !== data.database;
    if (otherErp) await tx.erpCursor.deleteMany();
    const safe = (c: typeof data | null) => c && { kind: c.kind, url: c.url, database: c.database, username: c.username, pollSeconds: c.pollSeconds, hasPassword: !!c.passwordEnc };
    await writeAudit(tx, actor, {
      action: "erp.connection.save",
      entity: "ErpConnection",
      entityId: ID,
      before: safe(before),
      after: { ...safe(data), passwordChanged: !!input.password },
    });
  });
  // The poller picks up a new pollSeconds at its next run; a new target gets a fresh connector.
  await ensureErpPoller(db);
  return connectionView(db);
}
