// npm run db:backup -- FILE — a consistent online copy of the database while the app keeps running.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv();
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const target = args.find((a) => !a.startsWith("--"));
  if (!target) {
    console.error("Usage: npm run db:backup -- FILE [--force]   (e.g. backups/ideation-lab-2026-11-26.db)");
    process.exit(2);
  }
  const source = getEnv().DATABASE_PATH;
  if (!fs.existsSync(source)) {
    console.error(`No database at ${source}. Set DATABASE_PATH or start the app once first.`);
    process.exit(1);
  }
  if (path.resolve(target) === path.resolve(source)) {
    console.error("The backup file must differ from the database itself.");
    process.exit(2);
  }
  if (fs.existsSync(target) && !force) {
    console.error(`${target} already exists. Choose another name or add --force to overwrite it.`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = openDatabase(source);
  // better-sqlite3's backup API copies page by page and stays consistent while other processes write.
  const started = Date.now();
  await db.$client.backup(target);
  db.$client.close();
  const size = fs.statSync(target).size;
  console.log(
    `Backed up ${source} to ${target} (${(size / 1024).toFixed(0)} KiB in ${Date.now() - started} ms).`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
