// npx tsx scripts/bench-chain.ts [path/to/aan_corpus.jsonl.gz] — the chain builder's own cost on
// the AAN development corpus (18,041 papers, 82,898 citations; not part of the product, hence not in
// `npm run bench` or any test). The store here is an in-memory keyword index, so this times the
// builder's work (ranking, diversity, walks, cut-off, log) without SQLite or a model; the spec's
// end-to-end goal (< 200 ms from the SQLite store) is measured by `npm run bench:chain` (bench-chain-sqlite.ts).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildChains } from "@/lib/chains/build";
import { tokenize } from "@/lib/chains/text";
import type { ChainPaper, PaperStore } from "@/lib/chains/types";

type Row = { id: string; title: string; abstract: string | null; year: number | null; references?: string[] };

function loadStore(path: string): { store: PaperStore; papers: number; edges: number } {
  const rows = gunzipSync(readFileSync(path))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const byId = new Map<string, ChainPaper>();
  const refs = new Map<string, string[]>();
  const citing = new Map<string, string[]>();
  for (const r of rows)
    byId.set(r.id, {
      id: r.id,
      title: r.title,
      abstract: r.abstract ?? "",
      year: r.year,
      date: null,
      citationCount: 0,
    });
  let edges = 0;
  for (const r of rows) {
    const known = (r.references ?? []).filter((id) => byId.has(id));
    refs.set(r.id, known);
    for (const id of known) {
      citing.set(id, [...(citing.get(id) ?? []), r.id]);
      const cited = byId.get(id);
      if (cited) cited.citationCount = (cited.citationCount ?? 0) + 1;
      edges += 1;
    }
  }
  const index = new Map<string, string[]>();
  for (const p of byId.values())
    for (const w of new Set(tokenize(`${p.title} ${p.abstract}`)))
      index.set(w, [...(index.get(w) ?? []), p.id]);
  const get = (ids: string[] | undefined) =>
    (ids ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id) as ChainPaper] : []));
  const store: PaperStore = {
    async search(query, { limit }) {
      const hits = new Map<string, number>();
      for (const w of new Set(tokenize(query)))
        for (const id of index.get(w) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
      const top = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
      return get(top.map(([id]) => id));
    },
    async getPaper(id) {
      return byId.get(id) ?? null;
    },
    async citing(id) {
      return get(citing.get(id));
    },
    async references(id) {
      return get(refs.get(id));
    },
  };
  return { store, papers: byId.size, edges };
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? "../shared/data/aan/aan_corpus.jsonl.gz";
  const { store, papers, edges } = loadStore(path);
  const topics = [
    "statistical machine translation word alignment",
    "dependency parsing",
    "sentiment analysis of reviews",
    "named entity recognition",
    "text summarization",
  ];
  const times: number[] = [];
  let nodes = 0;
  for (const topic of topics) {
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      const result = await buildChains({ topic, store, options: { k: 3, before: "2008-01-01", seed: 1 } });
      times.push(performance.now() - start);
      if (run === 0) nodes += result.chains.reduce((s, c) => s + c.nodes.length, 0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`chain builder on AAN (${papers} papers, ${edges} edges), in-memory store, no model, K = 3:`);
  console.log(
    `median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms over ${times.length} builds of ${topics.length} topics; ${nodes} nodes in ${topics.length * 3} chains`,
  );
}

void main();
