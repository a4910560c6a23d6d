// The one interface between the product and an ERP. Only lib/erp talks to an ERP:
// the rest of the app calls lib/erp's use-case functions, which pick the configured
// connector (built-in or Tryton) and wrap every call in the sync log.
//
// Conventions
// - Ids of ERP records are strings (Tryton's integer ids as decimal strings).
// - Dates are ISO strings: "YYYY-MM-DD" for calendar dates, full ISO for instants.
// - Quantities and prices are plain numbers (4 decimals at most).
// - Every write takes an idempotency key and must be safe to repeat with the same
//   key: a repeat after a crash between "ERP accepted" and "app recorded" finds the
//   earlier result and returns it instead of writing again.
// - Failures throw ErpError; `transient` says whether a retry may help (network,
//   timeout, ERP unavailable) or not (the ERP refused the data).

export type ConnectorKind = "builtin" | "tryton";

export type MasterDataKind = "paymentTerm" | "tax" | "currency" | "unit" | "warehouse" | "location";

/** A small code-list record as the ERP has it. `code` is null where the ERP has no code (mapped in the app). */
export type ErpMasterRecord = {
  erpId: string;
  code: string | null;
  name: string;
  /** tax: { rate: 0.13, type: "percentage" }; currency: { symbol }; unit: { symbol }; location: { warehouseErpId, type } */
  attrs: Record<string, unknown>;
  active: boolean;
};

export type ErpProduct = {
  erpId: string;
  code: string;
  name: string;
  unitCode: string | null;
  params: Record<string, unknown>;
  active: boolean;
  /** The ERP's last write (or create) time of the record, ISO instant. */
  writeAt: string;
};

export type PartyRole = "supplier" | "customer";

export type ErpParty = {
  erpId: string;
  code: string;
  name: string;
  taxCode: string | null;
  address: string | null;
  writeAt: string;
};

/** One page of an incremental read: records written after `since`, ordered by (writeAt, erpId). */
export type ErpPage<T> = { items: T[]; /** opaque; pass back to read the next page, null at the end */ next: string | null };

export type ErpPurchaseOrderLine = {
  erpId: string;
  lineNo: number;
  productCode: string;
  description: string;
  quantity: number;
  unitCode: string;
  unitPrice: number;
  requestedDate: string | null;
};

export type ErpPurchaseOrder = {
  erpId: string;
  number: string;
  supplier: { erpId: string; code: string; name: string };
  currencyCode: string | null;
  orderDate: string | null;
  lines: ErpPurchaseOrderLine[];
  writeAt: string;
};

type ErpDeliveryPlanLine = {
  /** The ERP's planned movement (Tryton: stock.move id). */
  erpId: string;
  orderLineErpId: string;
  quantity: number;
  plannedDate: string | null;
};

/**
 * A delivery the ERP plans for a confirmed purchase order: what the supplier is to
 * deliver, and when. Tryton: the purchase's open incoming moves that share a planned
 * date; the built-in connector: the confirmation recorded in its ledger.
 */
export type ErpDeliveryPlan = {
  /** Stable while the plan is open; a later delivery for the same order gets another id. */
  erpId: string;
  orderErpId: string;
  plannedDate: string | null;
  lines: ErpDeliveryPlanLine[];
  writeAt: string;
};

export type DeliveryPlanPoll = {
  plans: ErpDeliveryPlan[];
  cursor: string | null;
  /**
   * Orders (ERP ids) whose open plans are ALL in `plans`: an open plan of theirs that
   * the app has and the ERP no longer lists was replaced or dropped in the ERP.
   */
  ordersInFull: string[];
};

/** What the app knows about a supplier or customer when it writes it to the ERP. */
export type PartyInput = {
  role: PartyRole;
  code: string;
  name: string;
  taxCode: string | null;
  /** The ERP id of the payment term, resolved by the caller from MasterData/ErpMapping. */
  paymentTermErpId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  /** A supplier's bank and account number (changed only through an approved change); absent or null leaves the ERP's alone. */
  bankName?: string | null;
  bankAccount?: string | null;
  /** Known from an earlier write; null for the first one. */
  erpId: string | null;
};

export type PurchaseConfirmationInput = {
  orderErpId: string;
  orderNumber: string;
  supplierRef: string | null;
  lines: { lineErpId: string; confirmedQuantity: number; confirmedDate: string | null }[];
};

/** An order the supplier declined, cancelled in the ERP once purchasing acknowledged the decline. */
export type PurchaseCancellationInput = {
  orderErpId: string;
  orderNumber: string;
  /** The supplier's reason, kept in the ERP where it has room for it. */
  reason: string | null;
};

export type GoodsReceiptInput = {
  orderErpId: string;
  /** The app's receipt number; the ERP keeps it as the shipment's reference (idempotency). */
  receiptNumber: string;
  receivedAt: string;
  lines: { lineErpId: string; acceptedQuantity: number; rejectedQuantity: number; locationCode: string | null }[];
};

export type SalesOrderInput = {
  /** The app's reference (opportunity or order number); kept in the ERP for idempotency. */
  reference: string;
  customer: PartyInput;
  currencyCode: string;
  lines: { productCode: string; description: string; quantity: number; unitCode: string; unitPrice: number }[];
};

/**
 * A signed sales contract: the customer's sale moves from quotation to confirmed. The sale
 * is the one the review quoted (saleErpId) or the one the reference finds; when there is
 * none the order is recorded first, then confirmed. A repeat finds it confirmed.
 */
export type SalesOrderConfirmationInput = {
  /** The sale's reference in the ERP (the opportunity code when the review quoted it, else the contract number). */
  reference: string;
  /** The quotation the opportunity review wrote, when known. */
  saleErpId: string | null;
  /** What to record when the ERP has no sale for the reference yet. */
  order: SalesOrderInput;
};

export type ErpWriteResult = {
  erpId: string;
  /** true when the key had been written before and nothing new was written */
  repeated: boolean;
  /** The document number the ERP gave the record, where it gives one (a sale quotation's number). */
  number?: string;
};

type ConnectionCheck = { ok: true; version: string; detail: string };

export interface ErpConnector {
  readonly kind: ConnectorKind;

  /** Logs in (or checks the built-in tables) and says what answered; throws ErpError otherwise. */
  testConnection(): Promise<ConnectionCheck>;

  // --- Read master data ----------------------------------------------------
  /** Small code lists, read whole. */
  readMasterData(kind: MasterDataKind): Promise<ErpMasterRecord[]>;
  /** Products written after `since` (null: all), page by page. */
  readProducts(since: string | null, page: string | null, limit: number): Promise<ErpPage<ErpProduct>>;
  /** Suppliers or customers written after `since`, page by page. */
  readParties(role: PartyRole, since: string | null, page: string | null, limit: number): Promise<ErpPage<ErpParty>>;

  // --- Receive events --------------------------------------------------------
  /**
   * Purchase orders that became ready for the supplier's confirmation (Tryton: state
   * quotation) or changed since `cursor`; returns the cursor to keep. The built-in
   * connector has none (orders are entered in the app).
   */
  pollPurchaseOrders(cursor: string | null, limit: number): Promise<{ orders: ErpPurchaseOrder[]; cursor: string | null }>;
  /** One order by ERP id (for a webhook that names it). */
  readPurchaseOrder(erpId: string): Promise<ErpPurchaseOrder | null>;
  /** Delivery plans that appeared or changed since `cursor`; returns the cursor to keep. */
  pollDeliveryPlans(cursor: string | null, limit: number): Promise<DeliveryPlanPoll>;
  /** One delivery plan by ERP id; null when the ERP has no such open plan. */
  readDeliveryPlan(erpId: string): Promise<ErpDeliveryPlan | null>;

  // --- Write back (always through the outbox; safe to repeat per key) ---------
  upsertParty(input: PartyInput, idempotencyKey: string): Promise<ErpWriteResult>;
  confirmPurchaseOrder(input: PurchaseConfirmationInput, idempotencyKey: string): Promise<ErpWriteResult>;
  /** Cancels an order that is not yet being delivered (Tryton: a draft, quotation or confirmed purchase). */
  cancelPurchaseOrder(input: PurchaseCancellationInput, idempotencyKey: string): Promise<ErpWriteResult>;
  postGoodsReceipt(input: GoodsReceiptInput, idempotencyKey: string): Promise<ErpWriteResult>;
  recordSalesOrder(input: SalesOrderInput, idempotencyKey: string): Promise<ErpWriteResult>;
  confirmSalesOrder(input: SalesOrderConfirmationInput, idempotencyKey: string): Promise<ErpWriteResult>;
}

export class ErpError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** The ERP's own error payload, shown in the sync log. */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = "ErpError";
  }
}
