// npm run corpus:search -- --q "query" [--study ID] [--before YYYY-MM-DD] [--limit 10] [--json]
// Prints id, title, year and score per hit (one JSON object a line with --json). The same search as
// the literature page, so a study's cut-off applies here too.
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getStudyForLiterature } from "@/db/queries/literature/studies";
import { AppError } from "@/lib/errors";
import { embeddingStatus } from "@/server/literature/embeddings";
import { searchLiterature } from "@/server/literature/search";
import { loadDotEnv } from "./lib/load-env";

const USAGE =
  'Usage: npm run corpus:search -- --q "query" [--study ID] [--before YYYY-MM-DD] [--limit 10] [--json]';

async function main() {
  const { values } = parseArgs({
    options: {
      q: { type: "string" },
      study: { type: "string" },
      before: { type: "string" },
      limit: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.q?.trim()) throw new AppError("invalid:args", USAGE);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new AppError("invalid:args", `--limit must be 1 to 1000.\n${USAGE}`);
  if (values.before && !/^\d{4}-\d{2}-\d{2}$/.test(values.before))
    throw new AppError("invalid:args", `--before must be YYYY-MM-DD.\n${USAGE}`);
  loadDotEnv();
  migrateDatabase(getDb());
  if (values.study && !getStudyForLiterature({ studyId: values.study }))
    throw new AppError("not_found:study", `No study ${values.study}.`);
  const { hits, mode } = await searchLiterature({
    query: values.q,
    studyId: values.study ?? null,
    filters: { before: values.before },
    limit,
    embedQuery: embeddingStatus({ studyId: values.study ?? null }).embedQuery,
  });
  for (const h of hits) {
    if (values.json)
      console.log(JSON.stringify({ id: h.id, title: h.title, year: h.year, venue: h.venue, score: h.score }));
    else console.log(`${h.id}\t${h.title}\t${h.year ?? ""}\t${h.score.toFixed(4)}`);
  }
  if (!values.json)
    console.error(`${hits.length} hits (${mode === "hybrid" ? "BM25 + embeddings" : "BM25 only"})`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(e instanceof AppError && e.type !== "internal" ? 2 : 1);
});
