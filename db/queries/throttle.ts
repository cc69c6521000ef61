import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { authThrottle } from "../schema";

export type ThrottleRule = { key: string; maxFailures: number };

/** The moment until which any of the keys is locked, or null. */
export function getLockedUntil({ keys, now = Date.now() }: { keys: string[]; now?: number }): number | null {
  if (keys.length === 0) return null;
  const rows = withDbErrors(() =>
    getDb()
      .select({ lockedUntil: authThrottle.lockedUntil })
      .from(authThrottle)
      .where(inArray(authThrottle.key, keys))
      .all(),
  );
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil ?? 0));
  return until > now ? until : null;
}

/** Counts a failure on each key; a key that reaches its limit within the window is locked. */
export function recordFailures({
  rules,
  windowMs,
  lockMs,
  now = Date.now(),
}: {
  rules: ThrottleRule[];
  windowMs: number;
  lockMs: number;
  now?: number;
}) {
  const db = getDb();
  withDbErrors(() =>
    db.transaction(
      (tx) => {
        for (const { key, maxFailures } of rules) {
          // A window that has expired starts again at one failure.
          tx.insert(authThrottle)
            .values({ key, failures: 1, windowStartedAt: now })
            .onConflictDoUpdate({
              target: authThrottle.key,
              set: {
                failures: sql`CASE WHEN ${authThrottle.windowStartedAt} < ${now - windowMs} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
                windowStartedAt: sql`CASE WHEN ${authThrottle.windowStartedAt} < ${now - windowMs} THEN ${now} ELSE ${authThrottle.windowStartedAt} END`,
              },
            })
            .run();
          tx.update(authThrottle)
            .set({ lockedUntil: now + lockMs, failures: 0, windowStartedAt: now })
            .where(sql`${authThrottle.key} = ${key} AND ${authThrottle.failures} >= ${maxFailures}`)
            .run();
        }
      },
      { behavior: "immediate" },
    ),
  );
}

export function clearFailures({ keys }: { keys: string[] }) {
  if (keys.length === 0) return;
  withDbErrors(() => getDb().delete(authThrottle).where(inArray(authThrottle.key, keys)).run());
}
