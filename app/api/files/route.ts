import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { readUploadForm } from "@/lib/files/read-upload-form";
import { uploadFile } from "@/lib/files/upload-file";
import { readMaxUploadBytes } from "@/lib/files/upload-limit";

export const dynamic = "force-dynamic";

/** POST multipart/form-data: ownerType, ownerId, file. Answers 201 with the stored file's metadata. */
export const POST = apiRoute("file upload failed", async (req: Request) => {
  // Sign-in first: an anonymous body is not even read.
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated");
  const maxBytes = readMaxUploadBytes();
  const form = await readUploadForm(req, maxBytes);
  const file = await uploadFile(
    await getDb(),
    actor,
    { ownerType: form.ownerType, ownerId: form.ownerId, fileName: form.file.name, body: form.file.stream() },
    { maxBytes },
  );
  return Response.json({ file }, { status: 201 });
});
