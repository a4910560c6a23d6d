import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/api-route";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { contentDisposition, dispositionFor } from "@/lib/files/content-disposition";
import { openFileDownload } from "@/lib/files/open-file-download";

export const dynamic = "force-dynamic";

/** GET: the file's bytes, for whoever may read the record it belongs to (others get 404). */
export const GET = apiRoute("file download failed", async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { file, stream } = await openFileDownload(await getDb(), await currentActor(), id);
  const type = file.contentType.startsWith("text/") ? `${file.contentType}; charset=utf-8` : file.contentType;
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": type,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.name, dispositionFor(file.contentType)),
      "X-Content-Type-Options": "nosniff",
      // Authorised content: never kept by shared caches.
      "Cache-Control": "private, no-store",
    },
  });
});
