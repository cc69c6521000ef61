import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_PATH, E2E_PORT } from "./e2e/constants";

// The e2e suite runs the production build on localhost (Auth.js rejects 127.0.0.1 callbacks) against a
// throwaway SQLite file that scripts/e2e-server.ts recreates and migrates on every run.

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // First run against an empty database: creates the admin the other tests sign in as.
    { name: "first-run", testMatch: /first-run\.spec\.ts/ },
    { name: "app", testIgnore: /first-run\.spec\.ts/, dependencies: ["first-run"] },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_PATH: E2E_DATABASE_PATH,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      LLM_PROVIDER: "mock",
      LLM_MODEL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
