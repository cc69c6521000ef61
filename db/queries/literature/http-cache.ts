import "server-only";
import { getDb } from "../../client";

export type CachedResponse = { status: number; body: string; fetchedAt: number };

export function getCachedResponse({ key }: { key: string }): CachedResponse | undefined {
  return getDb()
    .$client.prepare("SELECT status, body, fetched_at AS fetchedAt FROM http_cache WHERE key = ?")
    .get(key) as CachedResponse | undefined;
}

export function putCachedResponse(r: {
  key: string;
  source: string;
  url: string;
  status: number;
  body: string;
  now?: number;
}) {
  getDb()
    .$client.prepare(
      `INSERT INTO http_cache (key, source, url, status, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at`,
    )
    .run(r.key, r.source, r.url, r.status, r.body, r.now ?? Date.now());
}

export function countCachedResponses(): { source: string; n: number }[] {
  return getDb()
    .$client.prepare("SELECT source, count(*) AS n FROM http_cache GROUP BY source ORDER BY source")
    .all() as { source: string; n: number }[];
}
