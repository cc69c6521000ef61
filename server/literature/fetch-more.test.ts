import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getNeighbours } from "@/db/queries/literature/neighbours";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { resetTestDb } from "@/db/testing/db";
import { resetEnvForTests } from "@/lib/env";
import { paper } from "@/lib/literature/test-papers";
import { getConnectors } from "./config";
import { fetchNeighbours } from "./fetch-more";
import { fixture, startFixtureServer } from "./test-server";

let server: Awaited<ReturnType<typeof startFixtureServer>> | undefined;
beforeEach(() => {
  resetTestDb();
});
afterEach(async () => {
  await server?.close();
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("fetchNeighbours", () => {
  it("stores Semantic Scholar references and citations with their edges and unresolved titles, once", async () => {
    server = await startFixtureServer((url) => ({
      body: fixture(url.pathname.endsWith("/references") ? "s2-references.json" : "s2-citations-page1.json"),
    }));
    vi.stubEnv("LITERATURE_S2_BASE_URL", server.baseUrl);
    vi.stubEnv("LITERATURE_S2_MIN_INTERVAL_MS", "0");
    resetEnvForTests();
    const attention = paper({ arxivId: "1706.03762", title: "Attention Is All You Need", year: 2017 });
    const [id] = upsertCorpus({
      corpus: { papers: [attention], edges: [], unresolved: [] },
      studyId: null,
    }).ids;
    const r = await fetchNeighbours({
      connectors: getConnectors(),
      paper: attention,
      studyId: null,
      source: "semantic_scholar",
    });
    expect(r).toMatchObject({ fetched: 2, inserted: 2, edgesAdded: 2, unresolved: 1 });
    expect(server.requests[0]?.url.pathname).toBe("/paper/ARXIV%3A1706.03762/references");
    const n = getNeighbours({ paperId: id as string, studyId: null });
    expect(n.references.map((p) => p.title)).toEqual(["Convolutional Sequence to Sequence Learning"]);
    expect(n.citing.map((p) => p.title)).toEqual(["A Later Paper Citing Attention"]);
    expect(n.unresolved).toEqual([
      { title: "Long short-term memory (unpublished technical report)", year: 1997 },
    ]);
    const again = await fetchNeighbours({
      connectors: getConnectors(),
      paper: attention,
      studyId: null,
      source: "semantic_scholar",
    });
    expect(again).toMatchObject({ inserted: 0, edgesAdded: 0 });
    expect(server.requests).toHaveLength(2);
  });
});
