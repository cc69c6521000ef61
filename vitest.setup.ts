import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file gets its own throwaway SQLite file, migrated on first use by `useTestDb`.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ideation-lab-test-"));
// Plain assignment, not vi.stubEnv: tests that call vi.unstubAllEnvs() must not fall back to the real
// database file.
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret";

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
