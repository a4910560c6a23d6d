import "server-only";
import type { Db } from "../db/client";
import { createBuiltinConnector } from "./builtin-connector";
import { connectorSettings, loadConnection, type StoredConnection } from "./connection";
import type { ErpConnector } from "./connector";
import { createTrytonConnector } from "./tryton/tryton-connector";

// A Tryton connector keeps its login session: reuse it until the connection is saved again.
const g = globalThis as { __ffErpConnector?: { stamp: string; connector: ErpConnector }; __ffErpConnectorOverride?: ErpConnector | null };

/** Tests only: every caller gets this connector (a scripted ERP) until reset with null. */
export function overrideConnector(c: ErpConnector | null) {
  g.__ffErpConnectorOverride = c;
}

/** The connector of the stored connection (built-in when none is configured). */
export async function getConnector(db: Db): Promise<ErpConnector> {
  return connectorFor(db, await loadConnection(db));
}

export function connectorFor(db: Db, c: StoredConnection): ErpConnector {
  if (g.__ffErpConnectorOverride) return g.__ffErpConnectorOverride;
  if (c.kind === "builtin") return createBuiltinConnector(db);
  const stamp = `${c.kind}|${c.url}|${c.database}|${c.username}|${c.passwordEnc}|${c.updatedAt?.toISOString()}`;
  if (g.__ffErpConnector?.stamp === stamp) return g.__ffErpConnector.connector;
  const connector = createTrytonConnector(connectorSettings(c));
  g.__ffErpConnector = { stamp, connector };
  return connector;
}
