import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { crossOriginProblem } from "@/lib/auth/same-origin";
import { AppError, isAppError } from "@/lib/errors";
import { checkGuard, type GuardContext, type GuardSpec, type StudyGuard } from "./check-guard";
import { getSessionUser } from "./session";

// A route handler that receives a file: authorization runs on the query string and route params
// before the body is touched, so a stranger's 20 MB upload is refused unread; the handler reads the
// body itself (server/http/read-upload.ts enforces the size limit while reading).

export function guardedUpload<S extends z.ZodType | undefined, St extends StudyGuard | undefined = undefined>(
  spec: GuardSpec<S, St>,
  handler: (ctx: GuardContext<S, St>, req: Request) => Promise<unknown>,
) {
  return async (req: Request, routeCtx: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      const crossOrigin = crossOriginProblem(req);
      if (crossOrigin) throw new AppError("forbidden:origin", crossOrigin);
      const params = (await routeCtx.params) ?? {};
      const input = Object.fromEntries(new URL(req.url).searchParams);
      const ctx = checkGuard({
        spec,
        user: await getSessionUser(),
        studyId: params.studyId,
        input,
        write: true,
      });
      const data = await handler(ctx, req);
      return Response.json({ ok: true, data }, { headers: { "cache-control": "no-store" } });
    } catch (e) {
      unstable_rethrow(e);
      const err = isAppError(e) ? e : new AppError("internal:upload");
      if (!isAppError(e)) console.error("[ideation-lab] unexpected error", e);
      return Response.json(
        { ok: false, error: err.code, message: err.message, fieldErrors: err.fieldErrors },
        { status: err.status, headers: { "cache-control": "no-store" } },
      );
    }
  };
}
