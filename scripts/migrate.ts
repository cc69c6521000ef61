// npm run db:migrate — applies pending migrations to DATABASE_PATH (creating the file if needed).
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { loadDotEnv } from "./lib/load-env";

loadDotEnv();
const file = getEnv().DATABASE_PATH;
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Database migrated: ${file}`);
