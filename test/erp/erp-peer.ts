// The ERP side of the integration tests: one implementation per connector kind
// (test/erp/builtin-peer.ts, test/erp/tryton-peer.ts). The shared suite drives the
// app through lib/erp and checks, through the peer, what arrived in the ERP.
import type { ConnectorKind } from "../../lib/erp/connector";

export type PeerConnection = {
  kind: ConnectorKind;
  url?: string;
  database?: string;
  username?: string;
  password?: string;
};

export type PeerParty = { erpId: string; code: string; name: string; paymentTermErpId: string | null; address: string | null };

export type PeerPurchase = {
  erpId: string;
  number: string;
  /** Tryton: draft | quotation | confirmed | processing | done | cancelled; built-in: "recorded" */
  state: string;
  supplierRef: string | null;
  lines: { erpId: string; quantity: number; confirmedQuantity: number | null; confirmedDate: string | null }[];
};

export type PeerReceipt = { erpId: string; reference: string; state: string; moves: { lineErpId: string; quantity: number; state: string }[] };

export interface ErpPeer {
  kind: ConnectorKind;
  /** Null when this peer cannot run here; the string says why (printed as the skip reason). */
  unavailable(): Promise<string | null>;
  /** What to store as the app's ERP connection to reach this peer. */
  connection(): PeerConnection;
  /**
   * Base data the tests rely on, created once per run and idempotent: company and
   * currency CNY, unit "u", a warehouse, payment terms "30 days" and "60 days",
   * taxes "VAT 13%" and "VAT 6%", a product. Returns their ERP ids.
   */
  prepare(): Promise<{ paymentTerms: Record<string, string>; taxes: Record<string, string>; productCode: string; warehouseErpId: string }>;
  /** A supplier party as the ERP has it, by code; null if absent. */
  findParty(code: string): Promise<PeerParty | null>;
  /** Creates a purchase order in the ERP (state ready for the supplier's confirmation), as a buyer would there. */
  createPurchaseOrder(input: { supplierCode: string; supplierName: string; lines: { productCode: string; quantity: number; unitPrice: number }[] }): Promise<{ erpId: string; number: string }>;
  readPurchaseOrder(erpId: string): Promise<PeerPurchase | null>;
  /** Receipts (Tryton: incoming shipments) posted against the order. */
  readReceipts(orderErpId: string): Promise<PeerReceipt[]>;
  /**
   * The delivery-plan cursor (lib/erp/poll-delivery-plans) that starts after everything
   * the ERP has now: earlier runs against the same ERP leave open deliveries behind.
   */
  deliveryCursorNow(): Promise<string | null>;
  /** Number of sales orders in the ERP with this reference. */
  countSalesOrders(reference: string): Promise<number>;
}
