import "server-only";
import { AppError } from "../errors/app-error";
import { toMb } from "./upload-limit";

/** Room for the multipart boundaries, part headers and the two small text fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export type UploadForm = { ownerType: string; ownerId: string; file: File };

/**
 * Reads a multipart/form-data upload with the request body capped at the file limit
 * plus a small overhead: oversized bodies are cut off as soon as they pass it, so at
 * most that much is held in memory. The exact limit on the file itself is enforced
 * again, while streaming, by uploadFile.
 *
 * A streaming multipart parser (busboy) would avoid holding even that; see the issue note.
 */
export async function readUploadForm(req: Request, maxFileBytes: number): Promise<UploadForm> {
  const tooLarge = () => new AppError("file_too_large", { params: { maxMb: toMb(maxFileBytes) } });
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !req.body) throw new AppError("validation", { fieldErrors: { file: "files.validation.fileRequired" } });

  const cap = maxFileBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > cap) throw tooLarge();

  let seen = 0;
  let exceeded = false;
  const capped = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > cap) {
          exceeded = true;
          controller.error(tooLarge());
        } else controller.enqueue(chunk);
      },
    }),
  );

  let form: FormData;
  try {
    form = await new Response(capped, { headers: { "content-type": contentType } }).formData();
  } catch (e) {
    if (exceeded) throw tooLarge();
    throw new AppError("validation", { fieldErrors: { file: "files.validation.fileRequired" }, cause: e });
  }

  const ownerType = form.get("ownerType");
  const ownerId = form.get("ownerId");
  const file = form.get("file");
  const fieldErrors: Record<string, string> = {};
  if (typeof ownerType !== "string" || !ownerType) fieldErrors.ownerType = "files.validation.ownerRequired";
  if (typeof ownerId !== "string" || !ownerId) fieldErrors.ownerId = "files.validation.ownerRequired";
  if (!(file instanceof File)) fieldErrors.file = "files.validation.fileRequired";
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
  return { ownerType: ownerType as string, ownerId: ownerId as string, file: file as File };
}
