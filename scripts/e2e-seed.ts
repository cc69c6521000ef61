// Runs one e2e seeder against the e2e database: `tsx --conditions=react-server scripts/e2e-seed.ts
// <name> <args.json> <result.json>`. The Playwright specs call it through e2e/run-seeder.ts, so the
// seeds use the app's own typed queries and fixtures instead of SQL that would duplicate the schema.
import { readFileSync, writeFileSync } from "node:fs";
import { closeDbForTests } from "@/db/client";
import { SEEDERS, type SeederName } from "@/e2e/seeders";
import { getEnv } from "@/lib/env";

const [name, argsFile, resultFile] = process.argv.slice(2);
if (!name || !argsFile || !resultFile || !(name in SEEDERS)) {
  console.error(`usage: e2e-seed.ts <${Object.keys(SEEDERS).join("|")}> ARGS.json RESULT.json`);
  process.exit(2);
}
if (!getEnv().DATABASE_PATH.includes("e2e")) {
  console.error(`Refusing to seed ${getEnv().DATABASE_PATH}: the e2e database path must contain "e2e".`);
  process.exit(2);
}
const seeder = SEEDERS[name as SeederName] as (args: unknown) => unknown;
const result = seeder(JSON.parse(readFileSync(argsFile, "utf8")));
writeFileSync(resultFile, JSON.stringify(result ?? null));
closeDbForTests();
