// The Tryton connector against a real Tryton 6.0 (scripts/tryton/ensure-tryton.sh;
// `npm test` starts it and passes TRYTON_URL etc.). Codes are unique per run so the
// suite can run again on the same database.
import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { TrytonPeer } from "../../../test/erp/tryton-peer";
import { ErpError, type DeliveryPlanPoll, type ErpConnector, type PartyInput } from "../connector";
import { TrytonRpc } from "./rpc-client";
import { createTrytonConnector } from "./tryton-connector";

const peer = new TrytonPeer();
const skip = await peer.unavailable();
if (skip) console.warn(`Tryton connector suite skipped: ${skip}`);

const run = Date.now().toString(36);
const conn = peer.connection();

describe.skipIf(!!skip)("Tryton connector", () => {
  let erp: ErpConnector;
  let base: Awaited<ReturnType<TrytonPeer["prepare"]>>;

  beforeAll(async () => {
    base = await peer.prepare();
    erp = createTrytonConnector({ url: conn.url!, database: conn.database!, username: conn.username!, password: conn.password! });
  });

  async function drainPurchaseCursor(): Promise<string | null> {
    let cursor: string | null = null;
    for (;;) {
      const r = await erp.pollPurchaseOrders(cursor, 500);
      if (!r.orders.length) return cursor;
      cursor = r.cursor;
    }
  }

  it("answers the connection test with the server version", async () => {
    const check = await erp.testConnection();
    expect(check.version).toMatch(/^Tryton 6\.0/);
  });

  it("reads payment terms and taxes", async () => {
    const terms = await erp.readMasterData("paymentTerm");
    expect(terms.find((t) => t.erpId === base.paymentTerms["30 days"])).toMatchObject({ name: "30 days", code: null, active: true });
    const taxes = await erp.readMasterData("tax");
    expect(taxes.find((t) => t.erpId === base.taxes["VAT 13%"])).toMatchObject({ name: "VAT 13%", attrs: { type: "percentage", rate: 0.13 } });
    expect((await erp.readMasterData("currency")).some((c) => c.code === "CNY")).toBe(true);
    expect((await erp.readMasterData("unit")).some((u) => u.code === "u")).toBe(true);
    const wh = (await erp.readMasterData("warehouse")).find((w) => w.erpId === base.warehouseErpId);
    expect(wh).toBeDefined();
    const locations = await erp.readMasterData("location");
    expect(locations.find((l) => l.code === "STO")?.attrs).toMatchObject({ warehouseErpId: base.warehouseErpId, type: "storage" });
  });

  it("reads products incrementally: a new product shows up, then nothing", async () => {
    // Paging needs more than two products, also on a fresh Tryton database.
    for (const n of [1, 2, 3]) await peer.ensureProduct(`FF-PAGE-${n}`, `Paging part ${n}`);
    const first = await erp.readProducts(null, null, 2);
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await erp.readProducts(null, first.next, 2);
    expect(Number(second.items[0].erpId)).toBeGreaterThan(Number(first.items[1].erpId));

    // Tryton and this test share the machine's clock.
    const since = new Date(Date.now() - 1000).toISOString();
    const code = `FF-INC-${run}`;
    await peer.ensureProduct(code, "Incremental part");
    const changed = await erp.readProducts(since, null, 1000);
    const mine = changed.items.find((p) => p.code === code)!;
    expect(mine).toMatchObject({ name: "Incremental part", unitCode: "u", active: true, params: { type: "goods" } });
    const latest = changed.items.reduce((m, p) => (p.writeAt > m ? p.writeAt : m), since);
    expect((await erp.readProducts(latest, null, 1000)).items.map((p) => p.code)).not.toContain(code);
  });

  it("upserts a party: created once, a repeat writes nothing, a change updates it", async () => {
    const input: PartyInput = {
      role: "supplier", code: `SUP-${run}`, name: "Suzhou Precision Parts", taxCode: `91320500MA${run}`.slice(0, 18),
      paymentTermErpId: base.paymentTerms["30 days"], contactName: "Li Lei", contactPhone: "+86 512 0000", address: "8 Xinghu Street, Suzhou", erpId: null,
    };
    const before = new Date(Date.now() - 1000).toISOString();
    const first = await erp.upsertParty(input, `party-${run}-1`);
    expect(first.repeated).toBe(false);
    const again = await erp.upsertParty(input, `party-${run}-1`);
    expect(again).toEqual({ erpId: first.erpId, repeated: true });
    const changed = await erp.upsertParty({ ...input, name: "Suzhou Precision Parts Co.", address: "9 Xinghu Street, Suzhou", paymentTermErpId: base.paymentTerms["60 days"], erpId: first.erpId }, `party-${run}-2`);
    expect(changed).toEqual({ erpId: first.erpId, repeated: false });
    expect(await peer.findParty(input.code)).toEqual({
      erpId: first.erpId, code: input.code, name: "Suzhou Precision Parts Co.", paymentTermErpId: base.paymentTerms["60 days"], address: "9 Xinghu Street, Suzhou",
    });
    expect(await peer.rpc.model("party.party", "search_count", [["code", "=", input.code]])).toBe(1);
    const parties = await erp.readParties("supplier", before, null, 1000);
    expect(parties.items.find((p) => p.erpId === first.erpId)).toMatchObject({ taxCode: input.taxCode, address: "9 Xinghu Street, Suzhou" });
  });

  it("writes a supplier's bank account once; a new account replaces the old one as the supplier's", async () => {
    const input: PartyInput = {
      role: "supplier", code: `SUP-BK-${run}`, name: "宁波华东塑胶制品有限公司", taxCode: null, paymentTermErpId: null, contactName: null, contactPhone: null, address: null,
      bankName: "中国工商银行宁波北仑支行", bankAccount: `3901 1100 0920 ${run}`.slice(0, 30), erpId: null,
    };
    const first = await erp.upsertParty(input, `bank-${run}-1`);
    expect(await erp.upsertParty({ ...input, erpId: first.erpId }, `bank-${run}-1`)).toEqual({ erpId: first.erpId, repeated: true });
    const accounts = async () => {
      const rows = await peer.rpc.model<{ id: number; bank: number }[]>("bank.account", "search_read", [["owners", "=", Number(first.erpId)]], 0, null, [["id", "ASC"]], ["bank"]);
      const numbers = await peer.rpc.model<{ account: number; number: string; type: string }[]>("bank.account.number", "search_read", [["account", "in", rows.map((r) => r.id)]], 0, null, null, ["account", "number", "type"]);
      const banks = await peer.rpc.model<{ id: number; rec_name: string }[]>("bank", "read", [...new Set(rows.map((r) => r.bank))], ["rec_name"]);
      return rows.map((r) => ({ bank: banks.find((b) => b.id === r.bank)?.rec_name, numbers: numbers.filter((n) => n.account === r.id).map((n) => `${n.type}:${n.number}`) }));
    };
    expect(await accounts()).toEqual([{ bank: "中国工商银行宁波北仑支行", numbers: [`other:${input.bankAccount}`] }]);

    const moved = { ...input, bankName: "招商银行宁波分行", bankAccount: `5749 0312 ${run}`.slice(0, 30), erpId: first.erpId };
    expect(await erp.upsertParty(moved, `bank-${run}-2`)).toEqual({ erpId: first.erpId, repeated: false });
    expect(await erp.upsertParty(moved, `bank-${run}-2`)).toEqual({ erpId: first.erpId, repeated: true });
    expect(await accounts()).toEqual([{ bank: "招商银行宁波分行", numbers: [`other:${moved.bankAccount}`] }]);
    // The bank is a party of its own, made once.
    expect(await peer.rpc.model("party.party", "search_count", [["name", "=", "招商银行宁波分行"]])).toBe(1);
  });

  it("polls a new quotation, confirms it back (repeat is a no-op) and posts a partial receipt once", async () => {
    const cursor = await drainPurchaseCursor();
    const po = await peer.createPurchaseOrder({ supplierCode: `SUP-PO-${run}`, supplierName: "PO Supplier", lines: [{ productCode: base.productCode, quantity: 10, unitPrice: 12.5 }, { productCode: base.productCode, quantity: 4, unitPrice: 3 }] });
    const polled = await erp.pollPurchaseOrders(cursor, 50);
    const order = polled.orders.find((o) => o.erpId === po.erpId)!;
    expect(order).toMatchObject({ number: po.number, supplier: { code: `SUP-PO-${run}` }, currencyCode: "CNY" });
    expect(order.lines.map((l) => [l.lineNo, l.productCode, l.quantity, l.unitCode, l.unitPrice])).toEqual([[1, base.productCode, 10, "u", 12.5], [2, base.productCode, 4, "u", 3]]);
    expect((await erp.pollPurchaseOrders(polled.cursor, 50)).orders).toEqual([]);
    expect(await erp.readPurchaseOrder(po.erpId)).toEqual(order);

    const [l1, l2] = order.lines;
    const confirmation = { orderErpId: po.erpId, orderNumber: po.number, supplierRef: `SO-${run}`, lines: [
      { lineErpId: l1.erpId, confirmedQuantity: 10, confirmedDate: "2030-01-15" },
      { lineErpId: l2.erpId, confirmedQuantity: 3, confirmedDate: null },
    ] };
    expect(await erp.confirmPurchaseOrder(confirmation, `confirm-${run}`)).toEqual({ erpId: po.erpId, repeated: false });
    const confirmed = await peer.readPurchaseOrder(po.erpId);
    expect(["confirmed", "processing"]).toContain(confirmed!.state);
    expect(confirmed!.supplierRef).toBe(`SO-${run}`);
    expect(confirmed!.lines).toEqual([
      { erpId: l1.erpId, quantity: 10, confirmedQuantity: 10, confirmedDate: "2030-01-15" },
      { erpId: l2.erpId, quantity: 3, confirmedQuantity: 3, confirmedDate: null },
    ]);
    expect(await erp.confirmPurchaseOrder(confirmation, `confirm-${run}`)).toEqual({ erpId: po.erpId, repeated: true });

    const receipt = { orderErpId: po.erpId, receiptNumber: `GR-${run}`, receivedAt: new Date().toISOString(), lines: [
      { lineErpId: l1.erpId, acceptedQuantity: 8, rejectedQuantity: 2, locationCode: "STO" },
      { lineErpId: l2.erpId, acceptedQuantity: 3, rejectedQuantity: 0, locationCode: null },
    ] };
    const posted = await erp.postGoodsReceipt(receipt, `receipt-${run}`);
    expect(posted.repeated).toBe(false);
    const receipts = await peer.readReceipts(po.erpId);
    expect(receipts).toEqual([{ erpId: posted.erpId, reference: `GR-${run}`, state: "done", moves: [
      { lineErpId: l1.erpId, quantity: 8, state: "done" },
      { lineErpId: l2.erpId, quantity: 3, state: "done" },
    ] }]);
    expect(await erp.postGoodsReceipt(receipt, `receipt-${run}`)).toEqual({ erpId: posted.erpId, repeated: true });
    expect(await peer.readReceipts(po.erpId)).toHaveLength(1);
  });

  it("puts one order line's goods away in two locations: the inventory move is split, once", async () => {
    const po = await peer.createPurchaseOrder({ supplierCode: `SUP-2L-${run}`, supplierName: "Two Locations Supplier", lines: [{ productCode: base.productCode, quantity: 10, unitPrice: 2 }] });
    const [l1] = (await erp.readPurchaseOrder(po.erpId))!.lines;
    await erp.confirmPurchaseOrder({ orderErpId: po.erpId, orderNumber: po.number, supplierRef: null, lines: [{ lineErpId: l1.erpId, confirmedQuantity: 10, confirmedDate: null }] }, `confirm-2l-${run}`);
    const [sto] = await peer.rpc.model<{ id: number }[]>("stock.location", "search_read", [["code", "=", "STO"]], 0, 1, null, ["id"]);
    const shelf = `STO-B-${run}`;
    const [shelfId] = await peer.rpc.model<number[]>("stock.location", "create", [{ name: `B 区 ${run}`, code: shelf, type: "storage", parent: sto.id }]);
    const receipt = { orderErpId: po.erpId, receiptNumber: `GR-2L-${run}`, receivedAt: new Date().toISOString(), lines: [
      { lineErpId: l1.erpId, acceptedQuantity: 6, rejectedQuantity: 1, locationCode: "STO" },
      { lineErpId: l1.erpId, acceptedQuantity: 3, rejectedQuantity: 0, locationCode: shelf },
    ] };
    const posted = await erp.postGoodsReceipt(receipt, `receipt-2l-${run}`);
    expect(await erp.postGoodsReceipt(receipt, `receipt-2l-${run}`)).toEqual({ erpId: posted.erpId, repeated: true });
    const [shipment] = await peer.rpc.model<{ incoming_moves: number[]; inventory_moves: number[]; state: string }[]>("stock.shipment.in", "read", [Number(posted.erpId)], ["incoming_moves", "inventory_moves", "state"]);
    expect(shipment.state).toBe("done");
    const incoming = await peer.rpc.model<{ quantity: number }[]>("stock.move", "read", shipment.incoming_moves, ["quantity"]);
    expect(incoming.map((m) => m.quantity)).toEqual([9]);
    const inventory = await peer.rpc.model<{ quantity: number; to_location: number; state: string }[]>("stock.move", "read", shipment.inventory_moves, ["quantity", "to_location", "state"]);
    expect(inventory.map((m) => [m.quantity, m.to_location, m.state]).sort()).toEqual([[3, shelfId, "done"], [6, sto.id, "done"]].sort());
  });

  it("presents the incoming moves planned from a confirmation as delivery plans, per planned date", async () => {
    const cursor = await peer.deliveryCursorNow();
    const po = await peer.createPurchaseOrder({ supplierCode: `SUP-DP-${run}`, supplierName: "Plan Supplier", lines: [{ productCode: base.productCode, quantity: 5, unitPrice: 1 }, { productCode: base.productCode, quantity: 7, unitPrice: 1 }] });
    const [l1, l2] = (await erp.readPurchaseOrder(po.erpId))!.lines;
    await erp.confirmPurchaseOrder({ orderErpId: po.erpId, orderNumber: po.number, supplierRef: null, lines: [
      { lineErpId: l1.erpId, confirmedQuantity: 5, confirmedDate: "2030-02-01" },
      { lineErpId: l2.erpId, confirmedQuantity: 7, confirmedDate: "2030-02-10" },
    ] }, `confirm-dp-${run}`);

    const ofOrder = (r: DeliveryPlanPoll) => r.plans.filter((p) => p.orderErpId === po.erpId);
    const first = await erp.pollDeliveryPlans(cursor, 100);
    expect(first.ordersInFull).toContain(po.erpId);
    const plans = ofOrder(first).sort((a, b) => String(a.plannedDate).localeCompare(String(b.plannedDate)));
    expect(plans.map((p) => [p.plannedDate, p.lines.map((l) => [l.orderLineErpId, l.quantity])])).toEqual([
      ["2030-02-01", [[l1.erpId, 5]]],
      ["2030-02-10", [[l2.erpId, 7]]],
    ]);
    expect(await erp.readDeliveryPlan(plans[0].erpId)).toEqual(plans[0]);
    expect(ofOrder(await erp.pollDeliveryPlans(first.cursor, 100))).toEqual([]);

    // The buyer moves the second delivery to the first date in Tryton: one plan, keeping the first plan's id.
    await peer.rpc.model("stock.move", "write", [Number(plans[1].lines[0].erpId)], { planned_date: { __class__: "date", year: 2030, month: 2, day: 1 } });
    const merged = ofOrder(await erp.pollDeliveryPlans(first.cursor, 100));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ erpId: plans[0].erpId, plannedDate: "2030-02-01" });
    expect(merged[0].lines.map((l) => l.quantity).sort()).toEqual([5, 7]);
    expect(await erp.readDeliveryPlan(plans[1].erpId)).toMatchObject({ erpId: plans[0].erpId });

    // A receipt short of the plan: Tryton plans the rest as a new move, hence a new plan.
    await erp.postGoodsReceipt({ orderErpId: po.erpId, receiptNumber: `GR-DP-${run}`, receivedAt: new Date().toISOString(), lines: [
      { lineErpId: l1.erpId, acceptedQuantity: 3, rejectedQuantity: 2, locationCode: null },
      { lineErpId: l2.erpId, acceptedQuantity: 7, rejectedQuantity: 0, locationCode: null },
    ] }, `receipt-dp-${run}`);
    const rest = ofOrder(await erp.pollDeliveryPlans(first.cursor, 100));
    expect(rest).toHaveLength(1);
    expect(rest[0].erpId).not.toBe(plans[0].erpId);
    expect(rest[0].lines.map((l) => [l.orderLineErpId, l.quantity])).toEqual([[l1.erpId, 2]]);
    expect(await erp.readDeliveryPlan(plans[0].erpId)).toBeNull();
  });

  it("cancels a declined quotation once (a repeat is a no-op) and refuses one already being delivered", async () => {
    const line = { productCode: base.productCode, quantity: 2, unitPrice: 1 };
    const quoted = await peer.createPurchaseOrder({ supplierCode: `SUP-CX-${run}`, supplierName: "Cancel Supplier", lines: [line] });
    const input = { orderErpId: quoted.erpId, orderNumber: quoted.number, reason: "该物料已停产" };
    expect(await erp.cancelPurchaseOrder(input, `cancel-${run}`)).toEqual({ erpId: quoted.erpId, repeated: false });
    expect((await peer.readPurchaseOrder(quoted.erpId))!.state).toBe("cancelled");
    expect(await erp.cancelPurchaseOrder(input, `cancel-${run}`)).toEqual({ erpId: quoted.erpId, repeated: true });

    const delivering = await peer.createPurchaseOrder({ supplierCode: `SUP-CX-${run}`, supplierName: "Cancel Supplier", lines: [line] });
    const [l1] = (await erp.readPurchaseOrder(delivering.erpId))!.lines;
    await erp.confirmPurchaseOrder({ orderErpId: delivering.erpId, orderNumber: delivering.number, supplierRef: null, lines: [{ lineErpId: l1.erpId, confirmedQuantity: 2, confirmedDate: null }] }, `confirm-cx-${run}`);
    // Tryton 6.0 moves a confirmed purchase on to processing at once: its goods are planned, a person decides.
    expect((await peer.readPurchaseOrder(delivering.erpId))!.state).toBe("processing");
    await expect(erp.cancelPurchaseOrder({ ...input, orderErpId: delivering.erpId, orderNumber: delivering.number }, `cancel-p-${run}`)).rejects.toMatchObject({ transient: false });
  });

  it("records a sales order once per reference", async () => {
    const input = {
      reference: `OPP-${run}`, currencyCode: "CNY",
      customer: { role: "customer" as const, code: `CUS-${run}`, name: "Wuxi Motors", taxCode: null, paymentTermErpId: null, contactName: null, contactPhone: null, address: "1 Motor Road, Wuxi", erpId: null },
      lines: [{ productCode: base.productCode, description: "Test part", quantity: 5, unitCode: "u", unitPrice: 20 }],
    };
    const first = await erp.recordSalesOrder(input, `sale-${run}`);
    expect(first.repeated).toBe(false);
    // Quoted, so Tryton gave it a number from its sale sequence: read back for the app to show.
    expect(first.number).toMatch(/\S/);
    expect(await erp.recordSalesOrder(input, `sale-${run}`)).toEqual({ erpId: first.erpId, repeated: true, number: first.number });
    expect(await peer.countSalesOrders(input.reference)).toBe(1);
  });

  it("refuses bad data as a permanent error", async () => {
    const err = await erp.postGoodsReceipt({ orderErpId: "999999999", receiptNumber: `GR-X-${run}`, receivedAt: new Date().toISOString(), lines: [{ lineErpId: "1", acceptedQuantity: 1, rejectedQuantity: 0, locationCode: null }] }, "x").catch((e) => e);
    expect(err).toBeInstanceOf(ErpError);
    expect(err.transient).toBe(false);
  });

  it("logs in again once when Tryton no longer knows the session", async () => {
    const rpc = new TrytonRpc({ url: conn.url!, database: conn.database!, username: conn.username!, password: conn.password! });
    const prefs = await rpc.model<{ company?: number }>("res.user", "get_preferences", true);
    // What an expired session looks like to the client: a token Tryton answers with 401.
    const forged = `Session ${Buffer.from(`${conn.username}:1:expired-token`).toString("base64")}`;
    (rpc as unknown as { session: Promise<unknown> }).session = Promise.resolve({ header: forged, context: prefs });
    expect(await rpc.model("res.user", "get_preferences", true)).toMatchObject({ company: prefs.company });
  });

  it("turns a silent server into a transient timeout", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const erpSlow = createTrytonConnector({ url: `http://127.0.0.1:${port}`, database: "erp", username: "admin", password: "x", timeoutMs: 500 });
      const e = await erpSlow.testConnection().catch((x) => x);
      expect(e).toBeInstanceOf(ErpError);
      expect(e).toMatchObject({ transient: true });
      expect(e.message).toContain("no answer within 500 ms");
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it("reports an unreachable Tryton as transient and a refused login as permanent", async () => {
    const down = createTrytonConnector({ url: "http://127.0.0.1:9", database: conn.database!, username: conn.username!, password: "x", timeoutMs: 3000 });
    const e1 = await down.readMasterData("tax").catch((e) => e);
    expect(e1).toBeInstanceOf(ErpError);
    expect(e1.transient).toBe(true);
    // An unknown login each run: Tryton rate-limits a login after 5 failures in 5 minutes.
    const wrong = createTrytonConnector({ url: conn.url!, database: conn.database!, username: `nobody-${run}`, password: `wrong-${run}` });
    const e2 = await wrong.readMasterData("tax").catch((e) => e);
    expect(e2).toBeInstanceOf(ErpError);
    expect(e2.transient).toBe(false);
    expect(String(e2.message)).not.toContain(`wrong-${run}`);
  });
});
