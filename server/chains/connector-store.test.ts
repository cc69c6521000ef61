import { beforeEach, describe, expect, it } from "vitest";
import { createStudyPaperStore } from "@/db/queries/literature/paper-store";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { paper } from "@/lib/literature/test-papers";
import type { PaperInput } from "@/lib/literature/types";
import type { Connectors } from "@/server/literature/config";
import { type ConnectorFetchEvent, withConnectorFetch } from "./connector-store";

beforeEach(() => {
  resetTestDb();
});

const S2 = "a".repeat(40);

/** Connectors whose Semantic Scholar answers from the lists given and counts its calls. */
function fakeConnectors(refs: PaperInput[], cites: PaperInput[], fail = false) {
  const calls: string[] = [];
  const semanticScholar = {
    async references(id: string) {
      calls.push(`references:${id}`);
      if (fail) throw new Error("Semantic Scholar is unreachable");
      return { next: null, papers: refs, unresolved: [] };
    },
    async citations(id: string) {
      calls.push(`citations:${id}`);
      return { next: null, papers: cites };
    },
  };
  return { connectors: { semanticScholar } as unknown as Connectors, calls };
}

function seed() {
  const study = makeStudy({ organizer: makeUser() });
  const id = upsertCorpus({
    corpus: { papers: [paper({ s2Id: S2, title: "Neural parsing", year: 2010 })], edges: [], unresolved: [] },
    studyId: null,
  }).ids[0] as string;
  return { study, id };
}

describe("withConnectorFetch", () => {
  it("fetches a paper's neighbours once into the study's corpus and reads them back from the store", async () => {
    const { study, id } = seed();
    const { connectors, calls } = fakeConnectors(
      [paper({ s2Id: "b".repeat(40), title: "Parsing basics", year: 1990, source: "semantic_scholar" })],
      [paper({ s2Id: "c".repeat(40), title: "Parsing later", year: 2030, source: "semantic_scholar" })],
    );
    const events: ConnectorFetchEvent[] = [];
    const store = withConnectorFetch(createStudyPaperStore({ studyId: study.id, before: "2025-01-01" }), {
      connectors,
      studyId: study.id,
      onFetch: (e) => events.push(e),
    });
    expect((await store.references(id)).map((p) => p.title)).toEqual(["Parsing basics"]);
    // The citing paper was stored but is after `before`: the store's visibility still decides.
    expect(await store.citing(id)).toEqual([]);
    expect(calls).toEqual([`references:${S2}`, `citations:${S2}`]);
    expect(events).toEqual([expect.objectContaining({ paperId: id, source: "semantic_scholar", ok: true })]);
  });

  it("reports a connector failure instead of throwing, and stops after maxFetches papers", async () => {
    const { study, id } = seed();
    const { connectors, calls } = fakeConnectors([], [], true);
    const events: ConnectorFetchEvent[] = [];
    const store = withConnectorFetch(createStudyPaperStore({ studyId: study.id, before: null }), {
      connectors,
      studyId: study.id,
      maxFetches: 1,
      onFetch: (e) => events.push(e),
    });
    expect(await store.references(id)).toEqual([]);
    expect(await store.citing(id)).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(events[0]).toMatchObject({ ok: false, message: "Semantic Scholar is unreachable" });
  });

  it("stops asking a source after two failures in a row", async () => {
    const study = makeStudy({ organizer: makeUser() });
    const ids = upsertCorpus({
      corpus: {
        papers: ["a", "b", "c"].map((c) => paper({ s2Id: c.repeat(40), title: `Paper ${c}`, year: 2010 })),
        edges: [],
        unresolved: [],
      },
      studyId: null,
    }).ids;
    const { connectors, calls } = fakeConnectors([], [], true);
    const store = withConnectorFetch(createStudyPaperStore({ studyId: study.id, before: null }), {
      connectors,
      studyId: study.id,
    });
    for (const id of ids) await store.references(id);
    expect(calls).toHaveLength(2);
  });
});
