import "server-only";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import type { Translate } from "../../errors/translate-error";
import { contentDisposition } from "../../files/content-disposition";
import { renderPdf } from "../../pdf/render-pdf";
import { deliveryNoteData } from "./delivery-note-data";
import { deliveryNoteDocument } from "./delivery-note-document";

/**
 * The delivery note of one delivery plan as a PDF for whoever may read the plan (its
 * supplier in the portal, employees with srm.view), with the file name to save it as.
 * `origin` is the app's public address, for the QR code.
 */
export async function renderDeliveryNote(db: Db, who: Actor | null, planId: string, opts: { t: Translate; locale: string; origin: string }) {
  const note = await deliveryNoteData(db, who, planId);
  const pdf = await renderPdf(deliveryNoteDocument(note, opts));
  return { pdf, fileName: `${opts.t("deliveryNote.pdf.title")}-${note.number}.pdf` };
}

/** The public address of the app: NEXTAUTH_URL where set (behind a proxy), else the address the request came to. */
export function publicOrigin(req: Request): string {
  try {
    if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  } catch {
    // an unusable NEXTAUTH_URL: fall back to the request's own address
  }
  return new URL(req.url).origin;
}

/** The PDF as a download answer (shown inline by browsers), never cached. */
export function pdfResponse({ pdf, fileName }: { pdf: Buffer; fileName: string }): Response {
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": contentDisposition(fileName, "inline"), "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
