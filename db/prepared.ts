import "server-only";
import { type Db, getDb } from "./client";

/**
 * A query built and prepared once per connection, then reused: the hot request path (session, guard,
 * review page, autosave) otherwise pays for drizzle building the SQL string and SQLite compiling it
 * on every call, which costs far more than running these indexed lookups. Values are bound through
 * `sql.placeholder(name)`. Prepared on the process-wide connection, so a call inside a transaction
 * runs on that transaction's connection too (better-sqlite3 has exactly one).
 */
export function preparedOnce<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let prepared = byDb.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      byDb.set(db, prepared);
    }
    return prepared;
  };
}
