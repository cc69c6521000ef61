import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens a SQLite file with the pragmas the app relies on. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as Db;
}

const globalForDb = globalThis as unknown as { ideationLabDb?: Db; ideationLabDbPath?: string };

/** The process-wide connection, opened once (and kept across dev hot reloads). */
export function getDb(): Db {
  const file = getEnv().DATABASE_PATH;
  if (!globalForDb.ideationLabDb || globalForDb.ideationLabDbPath !== file) {
    globalForDb.ideationLabDb?.$client.close();
    globalForDb.ideationLabDb = openDatabase(file);
    globalForDb.ideationLabDbPath = file;
  }
  return globalForDb.ideationLabDb;
}

/** Tests swap databases between files; the app never calls this. */
export function closeDbForTests() {
  globalForDb.ideationLabDb?.$client.close();
  globalForDb.ideationLabDb = undefined;
  globalForDb.ideationLabDbPath = undefined;
}

export { schema };
