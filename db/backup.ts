import "server-only";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { openDatabase } from "./client";

/**
 * A consistent copy of a live database through SQLite's online backup API (via better-sqlite3):
 * pages are copied while other connections keep reading and writing.
 */
export async function backupDatabase({
  source,
  target,
  overwrite = false,
}: {
  source: string;
  target: string;
  overwrite?: boolean;
}): Promise<{ bytes: number; ms: number }> {
  if (!fs.existsSync(source)) {
    throw new AppError(
      "not_found:database",
      `No database at ${source}. Set DATABASE_PATH or start the app once first.`,
    );
  }
  if (path.resolve(target) === path.resolve(source)) {
    throw new AppError("invalid:backup_target", "The backup file must differ from the database itself.");
  }
  if (fs.existsSync(target) && !overwrite) {
    throw new AppError(
      "conflict:backup_target",
      `${target} already exists. Choose another name or add --force to overwrite it.`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const started = Date.now();
  const db = openDatabase(source);
  try {
    await db.$client.backup(target);
  } finally {
    db.$client.close();
  }
  return { bytes: fs.statSync(target).size, ms: Date.now() - started };
}
