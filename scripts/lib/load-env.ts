import fs from "node:fs";
import path from "node:path";
import { generateToken } from "@/lib/auth/tokens";

/** Loads `.env` (if present) without overriding variables already set in the shell. */
export function loadDotEnv(file = ".env") {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/**
 * Auth.js needs a secret. When none is configured, make one once and keep it beside the database,
 * so `npm start` works without setup and sessions survive restarts.
 */
export function ensureAuthSecret(): "env" | "file" | "created" {
  if (process.env.AUTH_SECRET?.trim()) return "env";
  const dbPath = process.env.DATABASE_PATH?.trim() || "./data/ideation-lab.db";
  const file = path.join(path.dirname(path.resolve(dbPath)), "auth-secret");
  if (fs.existsSync(file)) {
    process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
    return "file";
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = generateToken();
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  return "created";
}
