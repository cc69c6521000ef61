import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";

/** Reads the server's database directly, to prove what was (not) written. */
export function queryOne<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

export function countRows(table: string, where = "1=1", ...params: unknown[]): number {
  return queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, ...params)?.n ?? -1;
}
