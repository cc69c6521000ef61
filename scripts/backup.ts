// npm run db:backup -- FILE [--force] — a consistent online copy of the database while the app keeps running.
import { backupDatabase } from "@/db/backup";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv();
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith("--"));
  if (!target) {
    console.error("Usage: npm run db:backup -- FILE [--force]   (e.g. backups/ideation-lab-2026-11-26.db)");
    process.exit(2);
  }
  const source = getEnv().DATABASE_PATH;
  const { bytes, ms } = await backupDatabase({ source, target, overwrite: args.includes("--force") });
  console.log(`Backed up ${source} to ${target} (${(bytes / 1024).toFixed(0)} KiB in ${ms} ms).`);
}

main().catch((e) => {
  console.error(isAppError(e) ? e.message : e);
  process.exit(1);
});
