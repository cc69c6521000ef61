import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "server",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
export const FINGERPRINT_FILE = path.join(".next", "ideation-lab-fingerprint");

function walk(p: string, out: string[]) {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else if (!/\.test\.tsx?$/.test(p)) {
    out.push(p);
  }
}

/** A hash of every source file's content: a build is reused only when nothing it was built from changed. */
export function computeBuildFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const idFile = path.join(root, ".next", "BUILD_ID");
  const fpFile = path.join(root, FINGERPRINT_FILE);
  if (!fs.existsSync(idFile) || !fs.existsSync(fpFile)) return false;
  return fs.readFileSync(fpFile, "utf8").trim() === computeBuildFingerprint(root);
}

export function recordBuildFingerprint(root = process.cwd()) {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), computeBuildFingerprint(root));
}
