import "server-only";
import type { z } from "zod";
import { crossOriginProblem } from "@/lib/auth/same-origin";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, isAppError } from "@/lib/errors";
import { checkGuard, type GuardContext, type GuardSpec, type StudyGuard } from "./check-guard";

// The guard around an HTTP handler, without Next: the route handlers' guardedRoute (guarded-handlers.ts)
// wraps it for Next, and the fast routes that scripts/serve.ts answers before Next use it as it is.
// Writes from another site's page are refused before anything is read, as Next does for server
// actions; input comes from the JSON body (POST/PUT/PATCH) or the query string.

export type RouteParams = Record<string, string | string[]>;

export type GuardedRequestHandler<S extends z.ZodType | undefined, St extends StudyGuard | undefined> = (
  ctx: GuardContext<S, St>,
  req: Request,
  params: RouteParams,
) => Promise<Response> | Response;

export type GuardedRequestOptions = {
  /** Who signed the request in: Next's cookies() in route handlers, the Cookie header outside Next. */
  sessionUser: (req: Request) => Promise<SessionUser | null>;
  /** Lets a framework's own control-flow errors (Next's notFound(), redirect()) pass through. */
  rethrow?: (e: unknown) => void;
};

function logUnexpected(e: unknown) {
  console.error("[ideation-lab] unexpected error", e);
}

async function readInput(req: Request): Promise<unknown> {
  if (!["POST", "PUT", "PATCH"].includes(req.method))
    return Object.fromEntries(new URL(req.url).searchParams);
  const text = await req.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid:json", "The request body is not valid JSON.");
  }
}

export function guardedRequest<
  S extends z.ZodType | undefined,
  St extends StudyGuard | undefined = undefined,
>(
  spec: GuardSpec<S, St>,
  handler: GuardedRequestHandler<S, St>,
  { sessionUser, rethrow }: GuardedRequestOptions,
) {
  return async (req: Request, params: RouteParams): Promise<Response> => {
    try {
      const crossOrigin = crossOriginProblem(req);
      if (crossOrigin) throw new AppError("forbidden:origin", crossOrigin);
      const input = await readInput(req);
      const user = await sessionUser(req);
      const write = req.method !== "GET" && req.method !== "HEAD";
      const ctx = checkGuard({ spec, user, studyId: params.studyId, input, write });
      return await handler(ctx, req, params);
    } catch (e) {
      rethrow?.(e);
      const err = isAppError(e) ? e : new AppError("internal:route");
      if (!isAppError(e)) logUnexpected(e);
      return Response.json(err.toJSON(), { status: err.status, headers: { "cache-control": "no-store" } });
    }
  };
}
