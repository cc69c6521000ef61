import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Epoch milliseconds, set by the app (not SQLite) so tests can reason about them. */
export const timestamp = (name: string) => integer(name, { mode: "number" });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => Date.now());
