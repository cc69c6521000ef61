import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookieHeader } from "@/lib/auth/cookie-header";
import { AppError } from "@/lib/errors";
import { guardedRequest, type RouteParams } from "../auth/guarded-request";
import { sessionUserFromCookies } from "../auth/session-user";
import {
  reviewDraftHandler,
  reviewDraftSpec,
  reviewStateHandler,
  reviewStateSpec,
} from "../reviews/review-draft";
import { servePageFromCache } from "./page-cache";

// Hot paths that the production server (scripts/serve.ts) answers itself, before Next's request
// pipeline: a review autosave through Next costs about 3 ms of CPU in routing, rendering and
// streaming around a write that takes 0.2 ms; the editor's load of the review is as small. Each route here is the same guard and handler
// as its Next route handler (which still serves it under `next dev`), given the request as a
// WHATWG Request; the session comes from the Cookie header instead of Next's cookies().

/** Next's serverActions.bodySizeLimit, which bounded these writes when they were server actions. */
export const FAST_ROUTE_BODY_LIMIT = 2 * 1024 * 1024;

type FastRoute = {
  method: string;
  /** The path's pattern; its capture groups are the params named in `params`, in order. */
  pattern: RegExp;
  params: readonly string[];
  handle: (req: Request, params: RouteParams) => Promise<Response>;
};

const sessionUser = (req: Request) => sessionUserFromCookies(parseCookieHeader(req.headers.get("cookie")));

const DRAFT_PATH = /^\/api\/studies\/([^/]+)\/reviews\/([^/]+)\/draft$/;

const ROUTES: FastRoute[] = [
  {
    method: "GET",
    pattern: DRAFT_PATH,
    params: ["studyId", "assignmentId"],
    handle: guardedRequest(reviewStateSpec, reviewStateHandler, { sessionUser }),
  },
  {
    method: "POST",
    pattern: DRAFT_PATH,
    params: ["studyId", "assignmentId"],
    handle: guardedRequest(reviewDraftSpec, reviewDraftHandler, { sessionUser }),
  },
];

/** The fast route for this method and path (query string ignored) and its decoded path params. */
export function matchFastRoute(method: string | undefined, url: string | undefined) {
  if (!method || !url) return null;
  const path = url.split("?", 1)[0] ?? "";
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: RouteParams = {};
    for (const [i, name] of route.params.entries()) {
      try {
        params[name] = decodeURIComponent(m[i + 1] ?? "");
      } catch {
        return null; // a malformed escape: Next answers it (404)
      }
    }
    return { route, params };
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Over the limit: answer at once; the rest of the body is read and dropped (the answer closes
    // the connection), so the client sees the message rather than a reset.
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) resolve(null);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  { route, params }: NonNullable<ReturnType<typeof matchFastRoute>>,
) {
  // A GET carries no body (a WHATWG Request refuses one): whatever was sent is read and dropped.
  const bodyless = req.method === "GET" || req.method === "HEAD";
  const declared = Number(req.headers["content-length"] ?? 0);
  const body = declared > FAST_ROUTE_BODY_LIMIT ? null : await readBody(req, FAST_ROUTE_BODY_LIMIT);
  if (body === null) {
    const err = new AppError(
      "too_large:body",
      `The save is larger than ${FAST_ROUTE_BODY_LIMIT / 1024 / 1024} MB.`,
    );
    res.setHeader("connection", "close");
    return sendJson(res, err.status, err.toJSON());
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = `http://${req.headers.host ?? "localhost"}${req.url}`;
  const response = await route.handle(
    new Request(url, { method: req.method, headers, body: bodyless ? undefined : new Uint8Array(body) }),
    params,
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Answers the request when it is a fast route and returns true; false leaves it to Next. An error
 * the guard did not turn into a response (none is expected) is a 500 with the usual JSON shape.
 */
export function serveFastRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const match = matchFastRoute(req.method, req.url);
  if (!match) return false;
  answer(req, res, match).catch((e) => {
    console.error("[ideation-lab] unexpected error", e);
    if (!res.headersSent) sendJson(res, 500, new AppError("internal:route").toJSON());
    else res.destroy();
  });
  return true;
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * The production server's handler around Next's: the fast routes, then the page cache (which has
 * Next render what it does not have), then Next.
 */
export function withFastRoutes(next: NodeHandler): NodeHandler {
  return (req, res) => serveFastRoute(req, res) || servePageFromCache(req, res, next) || next(req, res);
}
