// npm run corpus:import -- FILE [--study ID]
// Imports a JSONL (.jsonl / .jsonl.gz), BibTeX (.bib) or RIS (.ris) corpus into the instance's corpus,
// or one study's with --study. All or nothing: a bad line exits 2 and writes nothing; re-importing the
// same file changes nothing.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { importCorpusFile } from "@/db/queries/literature/import";
import { AppError } from "@/lib/errors";
import { loadDotEnv } from "./lib/load-env";

const USAGE = "Usage: npm run corpus:import -- FILE [--study ID]";

function main() {
  const { values, positionals } = parseArgs({
    options: { study: { type: "string" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new AppError("invalid:args", USAGE);
  loadDotEnv();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new AppError("invalid:file", `${file}: cannot read (${(e as Error).message})`);
  }
  const start = performance.now();
  migrateDatabase(getDb());
  const r = importCorpusFile({ name: basename(file), bytes, studyId: values.study ?? null });
  const ms = performance.now() - start;
  console.log(
    `${file}: ${r.papers} papers (${r.inserted} new, ${r.merged} merged, ${r.unchanged} unchanged), ${r.edgesAdded} new edges, into ${values.study ? `study ${values.study}` : "the instance corpus"} in ${(ms / 1000).toFixed(1)} s`,
  );
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(e instanceof AppError && e.type !== "internal" ? 2 : 1);
}
