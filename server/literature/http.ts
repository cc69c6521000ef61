import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getCachedResponse, putCachedResponse } from "@/db/queries/literature/http-cache";
import { AppError } from "@/lib/errors";
import { parseRetryAfter, retryDelayMs } from "@/lib/literature/retry";

// The one HTTP client of the literature connectors: every response cached in SQLite by request (the
// key never contains secrets), offline mode answers from the cache only, requests to one source are
// serialized and spaced by its minimum interval, 429/503 honour Retry-After, other transient failures
// back off exponentially, and every wait and retry is bounded.

export type SourceClientOptions = {
  source: string;
  label: string;
  baseUrl: string;
  minIntervalMs: number;
  timeoutMs: number;
  maxRetries: number;
  offline: boolean;
  headers?: Record<string, string>;
  /** Query parameters added to every request but left out of the cache key and of messages (api keys). */
  secretParams?: Record<string, string>;
  /** Query parameters added to every request and to the cache key (e.g. mailto). */
  params?: Record<string, string>;
};

export type Params = Record<string, string | number | undefined>;

export type HttpResult<T> = { data: T; status: number; cached: boolean };

const queues = new Map<string, { tail: Promise<unknown>; last: number }>();

/** Runs fn after the source's previous request and at least minIntervalMs after it started. */
function throttled<T>(source: string, minIntervalMs: number, fn: () => Promise<T>): Promise<T> {
  const q = queues.get(source) ?? { tail: Promise.resolve(), last: 0 };
  queues.set(source, q);
  const run = q.tail.then(async () => {
    const wait = q.last + minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    q.last = Date.now();
    return fn();
  });
  q.tail = run.catch(() => undefined);
  return run;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function buildUrl(base: string, path: string, params: Params): URL {
  const url = new URL(base.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/** A client for one source; `get` fetches (or reads from cache) and parses with the given zod schema. */
export function createSourceClient(o: SourceClientOptions) {
  async function fetchOnce(url: URL): Promise<{ status: number; body: string; retryAfter: number | null }> {
    const res = await fetch(url, { headers: o.headers, signal: AbortSignal.timeout(o.timeoutMs) });
    return {
      status: res.status,
      body: await res.text(),
      retryAfter: parseRetryAfter(res.headers.get("retry-after")),
    };
  }

  async function fetchWithRetries(url: URL, shown: string) {
    let last = "";
    for (let attempt = 0; attempt <= o.maxRetries; attempt++) {
      try {
        const r = await throttled(o.source, o.minIntervalMs, () => fetchOnce(url));
        if (r.status !== 429 && r.status < 500) return r;
        last = `HTTP ${r.status}`;
        if (attempt < o.maxRetries) await sleep(retryDelayMs(attempt, r.retryAfter));
      } catch (e) {
        last =
          e instanceof Error && e.name === "TimeoutError" ? `timed out after ${o.timeoutMs} ms` : String(e);
        if (attempt < o.maxRetries) await sleep(retryDelayMs(attempt, null));
      }
    }
    const rateLimited = last === "HTTP 429";
    throw new AppError(
      rateLimited ? "rate_limited:literature_source" : "unavailable:literature_source",
      `${o.label} did not answer ${shown} after ${o.maxRetries + 1} attempts (${last}).${rateLimited ? " It is rate limiting this server; try later or set an API key." : ""}`,
    );
  }

  /**
   * GET path with params. `okStatuses` are cached and handed to the schema together with their body
   * (e.g. S2's 404 "Title match not found" is an answer, not a failure).
   */
  async function get<T>(
    path: string,
    params: Params,
    parse: (status: number, body: string) => T,
    okStatuses: number[] = [],
  ): Promise<HttpResult<T>> {
    const keyUrl = buildUrl(o.baseUrl, path, { ...o.params, ...params });
    const shown = `${path}?${keyUrl.searchParams.toString()}`;
    const key = createHash("sha256").update(`GET ${keyUrl.toString()}`).digest("hex");
    const hit = getCachedResponse({ key });
    if (hit) return { data: parse(hit.status, hit.body), status: hit.status, cached: true };
    if (o.offline) {
      throw new AppError(
        "unavailable:offline",
        `Offline mode: ${o.label} is not contacted and no cached response exists for ${shown}.`,
      );
    }
    const url = buildUrl(o.baseUrl, path, { ...o.params, ...params, ...o.secretParams });
    const r = await fetchWithRetries(url, shown);
    if (r.status >= 400 && !okStatuses.includes(r.status)) {
      throw new AppError(
        r.status === 404 ? "not_found:literature_source" : "unavailable:literature_source",
        `${o.label} answered HTTP ${r.status} to ${shown}: ${r.body.slice(0, 300)}`,
      );
    }
    const data = parse(r.status, r.body); // throws before caching, so a bad answer is never cached
    putCachedResponse({ key, source: o.source, url: keyUrl.toString(), status: r.status, body: r.body });
    return { data, status: r.status, cached: false };
  }

  return { get, source: o.source, label: o.label };
}

export type SourceClient = ReturnType<typeof createSourceClient>;

/** Parses JSON with a zod schema; a mismatch is a visible failure naming the first bad field. */
export function parseJsonWith<S extends z.ZodType>(label: string, schema: S) {
  return (_status: number, body: string): z.output<S> => {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError("unavailable:literature_source", `${label} returned a response that is not JSON.`);
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new AppError(
        "unavailable:literature_source",
        `${label} returned an unexpected response (${i?.path.join(".") || "body"}: ${i?.message}).`,
      );
    }
    return r.data;
  };
}
