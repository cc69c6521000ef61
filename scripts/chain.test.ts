import { describe, expect, it } from "vitest";
import { setLiteratureCutoff } from "@/db/queries/literature/cutoff";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { paper } from "@/lib/literature/test-papers";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { runChainCli } from "./chain";

withMockModelEnv({ LITERATURE_OFFLINE: "true" });

function seed() {
  const study = makeStudy({ organizer: makeUser() });
  const { ids } = upsertCorpus({
    corpus: {
      papers: [
        paper({ importId: "a", title: "Parsing basics", abstract: "Grammars for parsing.", year: 1990 }),
        paper({ importId: "b", title: "Parsing with counts", abstract: "Statistical parsing.", year: 2000 }),
        paper({ importId: "c", title: "Neural parsing", abstract: "Neural networks parse.", year: 2010 }),
        paper({ importId: "d", title: "Parsing at scale", abstract: "Larger parsers.", year: 2020 }),
      ],
      edges: [
        { citing: 1, cited: 0 },
        { citing: 2, cited: 1 },
        { citing: 3, cited: 2 },
      ],
      unresolved: [],
    },
    studyId: null,
  });
  return { study, ids };
}

type Out = {
  chains: { nodes: { paperId: string; title: string; year: number; direction: string; reason: string }[] }[];
};

describe("npm run chain", () => {
  it("prints the chain as JSON, oldest first, with id, title, year, direction and reason", async () => {
    const { ids } = seed();
    const r = await runChainCli(["--topic", "neural parsing", "--k", "1", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const nodes = out.chains[0]?.nodes ?? [];
    expect(nodes.map((n) => n.paperId)).toEqual(ids);
    expect(nodes.map((n) => n.year)).toEqual([1990, 2000, 2010, 2020]);
    expect(Object.keys(nodes[0] ?? {})).toEqual(["paperId", "title", "year", "direction", "reason"]);
    // Only "Neural parsing" has both topic words, so it is the anchor whatever the random paper ids.
    expect(nodes.map((n) => n.direction)).toEqual(["backward", "backward", "anchor", "forward"]);
    expect(nodes.every((n) => n.reason.length > 0)).toBe(true);
    // Same inputs and seed: the same output.
    expect((await runChainCli(["--topic", "neural parsing", "--k", "1", "--json"])).stdout).toBe(r.stdout);
  });

  it("honours --before and the study's cut-off", async () => {
    const { study, ids } = seed();
    const early = JSON.parse(
      (await runChainCli(["--topic", "neural parsing", "--k", "1", "--before", "2015-01-01", "--json"]))
        .stdout,
    ) as Out;
    expect(early.chains[0]?.nodes.map((n) => n.paperId)).toEqual(ids.slice(0, 3));
    setLiteratureCutoff({ studyId: study.id, cutoff: "2005-06-01" });
    const cut = JSON.parse(
      (await runChainCli(["--topic", "parsing", "--k", "1", "--study", study.id, "--json"])).stdout,
    ) as Out;
    expect(cut.chains[0]?.nodes.every((n) => n.year <= 2005)).toBe(true);
  });

  it("exits 2 naming the flag for bad flags, and 0 with text output", async () => {
    seed();
    const cases: [string[], RegExp][] = [
      [[], /--topic is required/],
      [["--topic", "x", "--before", "2020-13-45"], /--before must be a date/],
      [["--topic", "x", "--seed=-1"], /--seed must be/],
      [["--topic", "x", "--seed", "-1"], /--seed/],
      [["--topic", "x", "--k", "0"], /--k must be/],
      [["--topic", "x", "--colour"], /--colour/],
      [["--topic", "x", "--study", "nope"], /--study: no study nope/],
    ];
    for (const [argv, message] of cases) {
      const r = await runChainCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const text = await runChainCli(["--topic", "neural parsing", "--k", "1", "--offline"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Chain 1:\n {2}1990 {2}backward/);
  });
});
