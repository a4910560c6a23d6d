// A signed contract's confirmation against a real Tryton 6.0 (skipped without TRYTON_URL):
// the review's quotation moves to confirmed once; without a quotation the sale is recorded
// and confirmed once. References are unique per run.
import { beforeAll, describe, expect, it } from "vitest";
import { TrytonPeer } from "../../../test/erp/tryton-peer";
import type { ErpConnector, SalesOrderInput } from "../connector";
import { TrytonRpc } from "./rpc-client";
import { createTrytonConnector } from "./tryton-connector";

const peer = new TrytonPeer();
const skip = await peer.unavailable();
if (skip) console.warn(`Tryton sale confirmation suite skipped: ${skip}`);

const run = `${Date.now().toString(36)}-sc`;
const conn = peer.connection();

describe.skipIf(!!skip)("Tryton: confirming a sale on a signed contract", () => {
  let erp: ErpConnector;
  let rpc: TrytonRpc;
  let productCode: string;
  const order = (reference: string): SalesOrderInput => ({
    reference, currencyCode: "CNY",
    customer: { role: "customer", code: `CUS-${reference}`, name: "Wuxi Motors", taxCode: null, paymentTermErpId: null, contactName: null, contactPhone: null, address: "1 Motor Road, Wuxi", erpId: null },
    lines: [{ productCode, description: "Contract part", quantity: 3, unitCode: "u", unitPrice: 50 }],
  });
  const sales = (reference: string) => rpc.model<{ id: number; state: string }[]>("sale.sale", "search_read", [["reference", "=", reference]], 0, 10, null, ["state"]);

  beforeAll(async () => {
    productCode = (await peer.prepare()).productCode;
    erp = createTrytonConnector({ url: conn.url!, database: conn.database!, username: conn.username!, password: conn.password! });
    rpc = new TrytonRpc({ url: conn.url!, database: conn.database!, username: conn.username!, password: conn.password! });
  });

  it("moves the review's quotation to confirmed, once", async () => {
    const reference = `OPP-${run}`;
    const quoted = await erp.recordSalesOrder(order(reference), `sale-${run}`);
    expect((await sales(reference))[0].state).toBe("quotation");
    const input = { reference, saleErpId: quoted.erpId, order: order(reference) };
    expect(quoted.number).toBeTruthy();
    expect(await erp.confirmSalesOrder(input, `confirm-${run}`)).toEqual({ erpId: quoted.erpId, repeated: false, number: quoted.number });
    expect(["confirmed", "processing"]).toContain((await sales(reference))[0].state);
    expect(await erp.confirmSalesOrder(input, `confirm-${run}`)).toEqual({ erpId: quoted.erpId, repeated: true, number: quoted.number });
    expect(await sales(reference)).toHaveLength(1);
  });

  it("records the sale first when the opportunity was never quoted, then confirms it, once", async () => {
    const reference = `SC-${run}`;
    const input = { reference, saleErpId: null, order: order(reference) };
    const first = await erp.confirmSalesOrder(input, `confirm-new-${run}`);
    expect(first.repeated).toBe(false);
    // The sale recorded here has the number Tryton gave it when it was quoted.
    expect(first.number).toMatch(/\S/);
    expect(await erp.confirmSalesOrder(input, `confirm-new-${run}`)).toEqual({ erpId: first.erpId, repeated: true, number: first.number });
    const found = await sales(reference);
    expect(found).toHaveLength(1);
    expect(["confirmed", "processing"]).toContain(found[0].state);
  });
});
