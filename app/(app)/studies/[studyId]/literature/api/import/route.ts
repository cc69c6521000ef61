// POST /studies/:studyId/literature/api/import?name=FILE — the upload page's import (organizers).
// The body is the file's raw bytes, so the browser can report upload progress; all or nothing.
import { unstable_rethrow } from "next/navigation";
import { importCorpusFile } from "@/db/queries/literature/import";
import { AppError, isAppError } from "@/lib/errors";
import { checkGuard } from "@/server/auth/check-guard";
import { getSessionUser } from "@/server/auth/session";

const MAX_BYTES = 50 * 1024 * 1024;

export async function POST(req: Request, ctx: RouteContext<"/studies/[studyId]/literature/api/import">) {
  try {
    const { studyId } = await ctx.params;
    const { study } = checkGuard({
      spec: { study: { roles: ["organizer"] } },
      user: await getSessionUser(),
      studyId,
    });
    const name = new URL(req.url).searchParams.get("name")?.trim();
    if (!name) throw new AppError("invalid:file", "The upload has no file name.");
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_BYTES)
      throw new AppError("invalid:file", "The file is larger than 50 MB; use npm run corpus:import.");
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES)
      throw new AppError("invalid:file", "The file is larger than 50 MB; use npm run corpus:import.");
    const summary = importCorpusFile({ name, bytes, studyId: study.id });
    return Response.json(summary, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    unstable_rethrow(e);
    const err = isAppError(e) ? e : new AppError("internal:route");
    if (!isAppError(e)) console.error("[ideation-lab] literature import failed", e);
    return Response.json(err.toJSON(), { status: err.status, headers: { "cache-control": "no-store" } });
  }
}
