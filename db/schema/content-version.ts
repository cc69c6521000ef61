import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * One row whose `version` goes up on every committed change to the database's content, by triggers
 * on every table (migration 0011; db/content-version.test.ts checks that every table has them). The
 * one exception: a review draft saved over a draft (the autosave), which no cached page shows.
 * The production server's page cache (server/http/page-cache.ts) keys rendered pages on it.
 */
export const contentVersion = sqliteTable("content_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
});
