import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function has(cmd: string) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

/**
 * Finds a Chromium for the e2e tests: CHROMIUM_PATH, a system Chromium, Debian's package when running
 * as root with apt-get, else Playwright's own download. Returns the executable path, or "" for
 * Playwright's bundled browser; throws one line saying how to install one when all fail.
 */
export function ensureBrowser(): string {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist; point it at a Chromium or Chrome executable.`);
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && has("apt-get")) {
    console.log("No Chromium found; installing Debian's chromium with apt-get…");
    const r = spawnSync(
      "sh",
      ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"],
      {
        stdio: "inherit",
      },
    );
    if (r.status === 0 && fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.log("Trying Playwright's own Chromium (needs internet)…");
  const r = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], {
    stdio: "inherit",
  });
  if (r.status === 0) return "";
  throw new Error(
    "No Chromium for the e2e tests: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium executable.",
  );
}
