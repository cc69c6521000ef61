import "server-only";
import { forbidden, notFound, unauthorized, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { type ActionResult, AppError, isAppError, toActionError } from "@/lib/errors";
import { checkGuard, type GuardContext, type GuardSpec, type StudyGuard } from "./check-guard";
import { type GuardedRequestHandler, guardedRequest, type RouteParams } from "./guarded-request";
import { getSessionUser } from "./session";

// Next-specific wrappers around checkGuard: one for server actions, one for route handlers, one for pages.

/** Repeated keys and keys ending in [] (checkbox groups) become arrays; `roles[]` arrives as `roles`. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key];
      delete out[key];
    }
  }
  return out;
}

function logUnexpected(e: unknown) {
  console.error("[ideation-lab] unexpected error", e);
}

/** A server action for `useActionState`: (previous state, FormData) → ActionResult. */
export function guardedAction<
  S extends z.ZodType | undefined,
  T,
  St extends StudyGuard | undefined = undefined,
>(spec: GuardSpec<S, St>, handler: (ctx: GuardContext<S, St>) => Promise<T> | T) {
  return async (_prev: unknown, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const input = formDataToObject(formData);
      const ctx = checkGuard({
        spec,
        user: await getSessionUser(),
        studyId: input.studyId,
        input,
        write: true,
      });
      return { ok: true, data: await handler(ctx) };
    } catch (e) {
      unstable_rethrow(e);
      if (isAppError(e)) return toActionError(e);
      logUnexpected(e);
      return toActionError(new AppError("internal:action"));
    }
  };
}

type RouteContext = { params: Promise<RouteParams> };

/** A route handler (guarded-request.ts says what is checked), signed in through Next's cookies(). */
export function guardedRoute<S extends z.ZodType | undefined, St extends StudyGuard | undefined = undefined>(
  spec: GuardSpec<S, St>,
  handler: GuardedRequestHandler<S, St>,
) {
  const run = guardedRequest(spec, handler, {
    sessionUser: () => getSessionUser(),
    rethrow: unstable_rethrow,
  });
  return async (req: Request, routeCtx: RouteContext): Promise<Response> =>
    run(req, (await routeCtx.params) ?? {});
}

/** For server components: renders Next's 401/403/404 pages instead of throwing. */
export async function guardPage<
  S extends z.ZodType | undefined = undefined,
  St extends StudyGuard | undefined = undefined,
>(
  spec: GuardSpec<S, St>,
  { studyId, input }: { studyId?: string; input?: unknown } = {},
): Promise<GuardContext<S, St>> {
  try {
    return checkGuard({ spec, user: await getSessionUser(), studyId, input });
  } catch (e) {
    if (isAppError(e)) {
      if (e.type === "unauthorized") unauthorized();
      if (e.type === "forbidden") forbidden();
      if (e.type === "not_found" || e.type === "invalid") notFound();
    }
    throw e;
  }
}

/** A server action called from client code with a plain object (autosave, previews), not a form. */
export function guardedCall<
  S extends z.ZodType | undefined,
  T,
  St extends StudyGuard | undefined = undefined,
>(spec: GuardSpec<S, St>, handler: (ctx: GuardContext<S, St>) => Promise<T> | T) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    try {
      const studyId =
        input && typeof input === "object" ? (input as { studyId?: unknown }).studyId : undefined;
      const ctx = checkGuard({ spec, user: await getSessionUser(), studyId, input, write: true });
      return { ok: true, data: await handler(ctx) };
    } catch (e) {
      unstable_rethrow(e);
      if (isAppError(e)) return toActionError(e);
      logUnexpected(e);
      return toActionError(new AppError("internal:action"));
    }
  };
}
