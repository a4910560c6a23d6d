// The Tryton side of the shared ERP suite: sets up base data in the running Tryton
// (scripts/tryton/ensure-tryton.sh) and reads back what the app wrote there.
// Env: TRYTON_URL, TRYTON_DB (erp), TRYTON_USER (admin), TRYTON_PASSWORD.
import { TrytonRpc } from "../../lib/erp/tryton/rpc-client";
import { decimal } from "../../lib/erp/tryton/tryton-json";
import type { ErpPeer, PeerConnection, PeerParty, PeerPurchase, PeerReceipt } from "./erp-peer";

type Row = Record<string, unknown> & { id: number };
type Prepared = Awaited<ReturnType<ErpPeer["prepare"]>>;

export const TRYTON_TEST_PRODUCT = "FF-TEST-PART";

export function trytonConnectionFromEnv(): PeerConnection {
  return {
    kind: "tryton",
    url: process.env.TRYTON_URL,
    database: process.env.TRYTON_DB ?? "erp",
    username: process.env.TRYTON_USER ?? "admin",
    password: process.env.TRYTON_PASSWORD,
  };
}

export class TrytonPeer implements ErpPeer {
  readonly kind = "tryton" as const;
  readonly rpc: TrytonRpc;
  private prepared: Promise<Prepared> | null = null;

  constructor(private readonly conn: PeerConnection = trytonConnectionFromEnv()) {
    this.rpc = new TrytonRpc({ url: conn.url ?? "", database: conn.database ?? "erp", username: conn.username ?? "admin", password: conn.password ?? "", timeoutMs: 30_000 });
  }

  async unavailable(): Promise<string | null> {
    if (!this.conn.url) return "TRYTON_URL is not set (start Tryton with scripts/tryton/ensure-tryton.sh)";
    if (!this.conn.password) return "TRYTON_PASSWORD is not set";
    try {
      await this.rpc.version();
      await this.rpc.model("res.user", "get_preferences", true);
      return null;
    } catch (e) {
      return `Tryton at ${this.conn.url} does not answer: ${(e as Error).message}`;
    }
  }

  connection(): PeerConnection {
    return { ...this.conn };
  }

  prepare(): Promise<Prepared> {
    // Once per peer object: the suite calls it from several tests.
    this.prepared ??= this.doPrepare();
    return this.prepared;
  }

  private async find(model: string, domain: unknown[]): Promise<number | null> {
    const ids = await this.rpc.modelCtx<number[]>(model, "search", { active_test: false }, domain, 0, 1);
    return ids[0] ?? null;
  }

  private async findOrCreate(model: string, domain: unknown[], values: Record<string, unknown>): Promise<number> {
    const found = await this.find(model, domain);
    if (found) return found;
    const [id] = await this.rpc.model<number[]>(model, "create", [values]);
    return id;
  }

  private async doPrepare(): Promise<Prepared> {
    const currency = await this.findOrCreate("currency.currency", [["code", "=", "CNY"]], { name: "Chinese Yuan Renminbi", code: "CNY", symbol: "¥", rounding: decimal(0.01), digits: 2 });
    let company = await this.find("company.company", []);
    if (!company) {
      const [party] = await this.rpc.model<number[]>("party.party", "create", [{ name: "Factory Flow Test Co.", code: "FF-COMPANY" }]);
      [company] = await this.rpc.model<number[]>("company.company", "create", [{ party, currency }]);
    }
    const [uid] = await this.rpc.model<number[]>("res.user", "search", [["login", "=", this.conn.username ?? "admin"]]);
    const [user] = await this.rpc.model<Row[]>("res.user", "read", [uid], ["company"]);
    if (user.company !== company) {
      await this.rpc.model("res.user", "write", [uid], { companies: [["add", [company]]], company });
      this.rpc.reset(); // the session context must now carry the company
    }
    const unit = await this.find("product.uom", [["symbol", "=", "u"]]);
    const warehouse = await this.find("stock.location", [["type", "=", "warehouse"]]);
    if (!unit || !warehouse) throw new Error("Tryton lacks unit 'u' or a warehouse; was the database initialised with stock?");

    const paymentTerms: Record<string, string> = {};
    for (const days of [30, 60]) {
      const name = `${days} days`;
      const id = await this.findOrCreate("account.invoice.payment_term", [["name", "=", name]], {
        name,
        lines: [["create", [{ type: "remainder", relativedeltas: [["create", [{ days }]]] }]]],
      });
      paymentTerms[name] = String(id);
    }

    const type = await this.findOrCreate("account.account.type", [["name", "=", "FF Tax"]], { name: "FF Tax", company, statement: "balance" });
    const account = await this.findOrCreate("account.account", [["name", "=", "FF VAT"]], { name: "FF VAT", company, type });
    const taxes: Record<string, string> = {};
    for (const rate of [13, 6]) {
      const name = `VAT ${rate}%`;
      const id = await this.findOrCreate("account.tax", [["name", "=", name]], {
        name, description: name, type: "percentage", rate: decimal(rate / 100), company, invoice_account: account, credit_note_account: account,
      });
      taxes[name] = String(id);
    }

    await this.ensureProduct(TRYTON_TEST_PRODUCT, "Test part", unit);
    return { paymentTerms, taxes, productCode: TRYTON_TEST_PRODUCT, warehouseErpId: String(warehouse) };
  }

  /** A purchasable and salable goods product; the variant's code comes from its suffix_code. */
  async ensureProduct(code: string, name: string, unit?: number): Promise<number> {
    const found = await this.find("product.product", [["code", "=", code]]);
    if (found) return found;
    unit ??= (await this.find("product.uom", [["symbol", "=", "u"]]))!;
    const [tpl] = await this.rpc.model<number[]>("product.template", "create", [{
      name, type: "goods", default_uom: unit, purchasable: true, purchase_uom: unit, salable: true, sale_uom: unit,
      list_price: decimal(10), products: [["create", [{ suffix_code: code }]]],
    }]);
    const [id] = await this.rpc.model<number[]>("product.product", "search", [["template", "=", tpl]]);
    return id;
  }

  async findParty(code: string): Promise<PeerParty | null> {
    const [p] = await this.rpc.model<Row[]>("party.party", "search_read", [["code", "=", code]], 0, 1, null, ["code", "name", "supplier_payment_term", "addresses"]);
    if (!p) return null;
    const addrIds = p.addresses as number[];
    const addrs = addrIds.length ? await this.rpc.model<Row[]>("party.address", "read", addrIds.slice(0, 1), ["street"]) : [];
    return {
      erpId: String(p.id),
      code: String(p.code),
      name: String(p.name),
      paymentTermErpId: p.supplier_payment_term ? String(p.supplier_payment_term) : null,
      address: (addrs[0]?.street as string | null) ?? null,
    };
  }

  async createPurchaseOrder(input: { supplierCode: string; supplierName: string; lines: { productCode: string; quantity: number; unitPrice: number }[] }) {
    await this.prepare();
    const ctx = await this.rpc.model<{ company?: number }>("res.user", "get_preferences", true);
    let party = await this.find("party.party", [["code", "=", input.supplierCode]]);
    if (!party) {
      [party] = await this.rpc.model<number[]>("party.party", "create", [{ name: input.supplierName, code: input.supplierCode, addresses: [["create", [{ street: "1 Supplier Road", city: "Suzhou" }]]] }]);
    }
    const [addr] = await this.rpc.model<number[]>("party.address", "search", [["party", "=", party]], 0, 1);
    const currency = await this.find("currency.currency", [["code", "=", "CNY"]]);
    const warehouse = await this.find("stock.location", [["type", "=", "warehouse"]]);
    const lines = [];
    for (const l of input.lines) {
      const product = (await this.find("product.product", [["code", "=", l.productCode]])) ?? (await this.ensureProduct(l.productCode, l.productCode));
      const [p] = await this.rpc.model<Row[]>("product.product", "read", [product], ["purchase_uom", "default_uom", "rec_name"]);
      lines.push({ type: "line", product, quantity: l.quantity, unit: p.purchase_uom ?? p.default_uom, unit_price: decimal(l.unitPrice), description: String(p.rec_name) });
    }
    const [id] = await this.rpc.model<number[]>("purchase.purchase", "create", [{
      party, company: ctx.company, currency, warehouse, invoice_method: "manual", invoice_address: addr, lines: [["create", lines]],
    }]);
    await this.rpc.model("purchase.purchase", "quote", [id]);
    const [po] = await this.rpc.model<Row[]>("purchase.purchase", "read", [id], ["number"]);
    return { erpId: String(id), number: String(po.number) };
  }

  async readPurchaseOrder(erpId: string): Promise<PeerPurchase | null> {
    const [po] = await this.rpc.modelCtx<Row[]>("purchase.purchase", "search_read", { active_test: false }, [["id", "=", Number(erpId)]], 0, 1, null, ["number", "state", "reference", "lines"]);
    if (!po) return null;
    const lines = await this.rpc.model<Row[]>("purchase.line", "read", po.lines as number[], ["type", "quantity", "delivery_date_store", "delivery_date", "sequence"]);
    const confirmed = ["confirmed", "processing", "done"].includes(String(po.state));
    return {
      erpId: String(po.id),
      number: String(po.number ?? ""),
      state: String(po.state),
      supplierRef: (po.reference as string | null) || null,
      lines: lines
        .filter((l) => l.type === "line")
        .map((l) => ({
          erpId: String(l.id),
          quantity: Number(l.quantity),
          // Tryton keeps one quantity per line: once confirmed it is the confirmed one.
          confirmedQuantity: confirmed ? Number(l.quantity) : null,
          confirmedDate: (l.delivery_date_store as string | null) ?? null,
        })),
    };
  }

  async readReceipts(orderErpId: string): Promise<PeerReceipt[]> {
    const shipments = await this.rpc.model<Row[]>("stock.shipment.in", "search_read", [["moves.purchase", "=", Number(orderErpId)]], 0, null, [["id", "ASC"]], ["reference", "state", "incoming_moves"]);
    const out: PeerReceipt[] = [];
    for (const s of shipments) {
      const moves = await this.rpc.model<Row[]>("stock.move", "read", s.incoming_moves as number[], ["origin", "quantity", "state"]);
      out.push({
        erpId: String(s.id),
        reference: String(s.reference ?? ""),
        state: String(s.state),
        moves: moves.map((m) => ({ lineErpId: String(m.origin ?? "").replace(/^purchase\.line,/, ""), quantity: Number(m.quantity), state: String(m.state) })),
      });
    }
    return out;
  }

  async deliveryCursorNow(): Promise<string | null> {
    const last = async (field: string) => {
      const [m] = await this.rpc.model<Row[]>("stock.move", "search_read", [[field, "!=", null]], 0, 1, [[field, "DESC"], ["id", "DESC"]], [field]);
      return m ? `${String(m[field])}|${m.id}` : "";
    };
    return `${await last("create_date")};${await last("write_date")}`;
  }

  async countSalesOrders(reference: string): Promise<number> {
    return this.rpc.model<number>("sale.sale", "search_count", [["reference", "=", reference]]);
  }
}

export function createTrytonPeer(conn?: PeerConnection): TrytonPeer {
  return new TrytonPeer(conn);
}
