import { tokenize } from "./text";
import type { ChainPaper, LlmSteps, PaperStore } from "./types";

// Test doubles for the chain builder: an in-memory store over papers and citing → cited edges, and
// a scripted model that records every call. Used by the tests only; plain code, no mocks library.

export type FakePaper = Omit<ChainPaper, "abstract" | "date" | "citationCount"> &
  Partial<Pick<ChainPaper, "abstract" | "date" | "citationCount">> & { refs?: string[] };

export function paper(p: FakePaper): ChainPaper & { refs: string[] } {
  return { abstract: "", date: null, citationCount: 0, refs: [], ...p };
}

export type FakeStoreOptions = {
  /** A broken store: ignores the cut-off it is given (the builder must still apply it). */
  ignoreCutoff?: boolean;
  /** Returns every list reversed, to show the result does not depend on the store's order. */
  reverse?: boolean;
};

export function createFakeStore(
  papers: readonly (ChainPaper & { refs: string[] })[],
  options: FakeStoreOptions = {},
): PaperStore & { calls: string[] } {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const calls: string[] = [];
  const strip = ({ refs: _refs, ...rest }: ChainPaper & { refs: string[] }): ChainPaper => rest;
  const order = (list: ChainPaper[]) => (options.reverse ? list.reverse() : list);
  return {
    calls,
    async search(query, { before, limit }) {
      calls.push(`search:${query}`);
      const words = tokenize(query);
      const scored = papers
        .filter((p) => options.ignoreCutoff || before === null || (p.date ?? `${p.year}-12-31`) < before)
        .map((p) => ({
          p,
          hits: words.filter((w) => tokenize(`${p.title} ${p.abstract}`).includes(w)).length,
        }))
        .filter((s) => s.hits > 0)
        .sort((a, b) => b.hits - a.hits || a.p.id.localeCompare(b.p.id));
      return order(scored.slice(0, limit).map((s) => strip(s.p)));
    },
    async getPaper(id) {
      calls.push(`get:${id}`);
      const p = byId.get(id);
      return p ? strip(p) : null;
    },
    async citing(id) {
      calls.push(`citing:${id}`);
      return order(papers.filter((p) => p.refs.includes(id)).map(strip));
    },
    async references(id) {
      calls.push(`references:${id}`);
      const refs = byId.get(id)?.refs ?? [];
      return order(
        refs.flatMap((r) => (byId.has(r) ? [strip(byId.get(r) as ChainPaper & { refs: string[] })] : [])),
      );
    },
  };
}

export type ScriptedModel = LlmSteps & {
  gateCalls: { anchor: string | null; candidate: string }[];
  pickCalls: string[][];
};

export function createScriptedModel(script: {
  queries?: (topic: string) => string[];
  relevant?: (candidate: ChainPaper, anchor: ChainPaper | null) => boolean;
  pick?: (offered: ChainPaper[]) => string[];
}): ScriptedModel {
  const gateCalls: ScriptedModel["gateCalls"] = [];
  const pickCalls: string[][] = [];
  return {
    gateCalls,
    pickCalls,
    async proposeQueries(topic) {
      return script.queries ? script.queries(topic) : [topic];
    },
    async judgeRelevance({ anchor, candidate }) {
      gateCalls.push({ anchor: anchor?.id ?? null, candidate: candidate.id });
      const relevant = script.relevant ? script.relevant(candidate, anchor) : true;
      return { relevant, reason: `scripted ${relevant ? "yes" : "no"} for ${candidate.id}` };
    },
    async pickReferences({ references }) {
      pickCalls.push(references.map((r) => r.id));
      const ids = script.pick ? script.pick(references) : references.slice(0, 3).map((r) => r.id);
      return { ids, reason: "scripted pick" };
    },
  };
}
