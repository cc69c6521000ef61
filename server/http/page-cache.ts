import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { readContentVersion } from "@/db/queries/content-version";
import { parseCookieHeader } from "@/lib/auth/cookie-header";
import { getEnv } from "@/lib/env";
import { Lru } from "@/lib/lru";
import { sessionUserFromCookies } from "../auth/session-user";

// The review page, as Next rendered it for this user, kept and sent again while nothing in the
// database has changed. A page here renders from the signed-in user, its URL and the database alone
// (no clock, no other request header), so the same user, URL and content version give the same page.
// The content version (db/schema/content-version.ts) moves on every committed change to any table,
// by triggers, except a review draft autosaved over a draft: the review editor loads the review
// itself (GET on the draft route), so the page does not show it. Under load, the reviewers'
// autosaves are most of the writes, and their reloads are answered for a fraction of a render.
// Every request still needs a live session (revocation, disabled accounts, password changes are
// checked as for any page); anything else (no session, client navigation, a query string) goes to
// Next, and only a complete 200 without cookies is kept.

/** Paths whose pages are kept: only pages written to render from the user, URL and database alone. */
const CACHED_PAGES: readonly RegExp[] = [/^\/studies\/[^/?]+\/review\/[^/?]+$/];

// Request headers with which Next answers something else than the document (RSC payloads for
// client navigation and prefetch, server actions), or in another mode.
const NEXT_REQUEST_HEADERS = [
  "rsc",
  "next-action",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-router-state-tree",
  "next-url",
];
const PREVIEW_COOKIES = ["__prerender_bypass", "__next_preview_data"];

// Headers of the connection or of one response, not of the page.
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

const MAX_ENTRIES = 500;
/** A page larger than this (after compression) is not kept, which bounds the cache at 64 MB. */
const MAX_BODY_BYTES = 128 * 1024;

type Entry = { version: number; headers: OutgoingHttpHeaders; body: Buffer };
const kept = new Lru<string, Entry>(MAX_ENTRIES);

type Render = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Whether this request asks for a cacheable page's document (before any session is checked). */
export function isCacheablePageRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.url || !CACHED_PAGES.some((p) => p.test(req.url ?? ""))) return false;
  if (NEXT_REQUEST_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  const cookie = req.headers.cookie ?? "";
  return !PREVIEW_COOKIES.some((name) => cookie.includes(name));
}

/**
 * Answers a cacheable page request from the cache, or has `render` (Next) answer it and keeps the
 * page; returns false, leaving the request to the caller, for every other request.
 */
export function servePageFromCache(req: IncomingMessage, res: ServerResponse, render: Render): boolean {
  if (!getEnv().PAGE_CACHE || !isCacheablePageRequest(req)) return false;
  answer(req, res, render).catch((e) => {
    console.error("[ideation-lab] unexpected error", e);
    if (!res.headersSent) render(req, res);
    else res.destroy();
  });
  return true;
}

async function answer(req: IncomingMessage, res: ServerResponse, render: Render) {
  const user = await sessionUserFromCookies(parseCookieHeader(req.headers.cookie));
  const version = user ? readContentVersion() : null;
  if (!user || version === null) {
    render(req, res); // Next sends the signed-out or revoked session to sign-in
    return;
  }
  const key = [user.id, req.headers.host, req.url, req.headers["accept-encoding"]].join("\n");
  const hit = kept.get(key);
  if (hit && hit.version === version) {
    res.writeHead(200, { ...hit.headers, "content-length": hit.body.length });
    res.end(hit.body);
    return;
  }
  // Kept under the version read before Next read the database: if something changed while it
  // rendered, the version has moved on and the page is never sent again.
  captureResponse(res, (page) => kept.set(key, { version, ...page }));
  render(req, res);
}

/** Records what is sent on `res` (after Next's compression) and hands a complete, plain 200 to `keep`. */
function captureResponse(res: ServerResponse, keep: (page: Omit<Entry, "version">) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let keepable = true;
  const record = (chunk: unknown, encoding: unknown) => {
    if (!keepable || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const bytes =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array); // a copy: the writer may reuse its buffer
    size += bytes.length;
    if (size > MAX_BODY_BYTES) keepable = false;
    else chunks.push(bytes);
  };
  const headersGiven: OutgoingHttpHeaders = {};
  const { write, end, writeHead } = res;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    record(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    record(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, [message], [headers]): headers given here are not all in getHeaders().
    const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null);
    if (Array.isArray(headers)) keepable = false;
    else if (headers) Object.assign(headersGiven, headers);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  res.once("finish", () => {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries({ ...res.getHeaders(), ...headersGiven })) {
      if (value !== undefined && !NOT_KEPT.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    if (!keepable || res.statusCode !== 200 || headers["set-cookie"] !== undefined) return;
    keep({ headers, body: Buffer.concat(chunks) });
  });
}

/** Empties the cache (tests). */
export function clearPageCacheForTests() {
  kept.clear();
}
