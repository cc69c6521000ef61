import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createArxiv } from "./arxiv";
import { getConnectors } from "./config";
import { createSourceClient, type SourceClientOptions } from "./http";
import { createOpenAlex } from "./openalex";
import { createSemanticScholar } from "./semantic-scholar";
import { fixture, type Reply, startFixtureServer } from "./test-server";

let db: ReturnType<typeof resetTestDb>;
let server: Awaited<ReturnType<typeof startFixtureServer>> | undefined;
beforeEach(() => {
  db = resetTestDb();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
  resetEnvForTests();
});

let sourceCounter = 0;
async function serve(
  route: (url: URL, previous: number) => Reply,
  options: Partial<SourceClientOptions> = {},
) {
  server = await startFixtureServer(route);
  // A fresh source name per test, so the per-source throttle of one test never delays the next.
  const source = `test-${++sourceCounter}`;
  return createSourceClient({
    source,
    label: "Test source",
    baseUrl: server.baseUrl,
    minIntervalMs: 0,
    timeoutMs: 2_000,
    maxRetries: 2,
    offline: false,
    ...options,
  });
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

describe("Semantic Scholar", () => {
  const s2Routes = (url: URL): Reply => {
    if (url.pathname === "/paper/search")
      return {
        body: fixture(
          url.searchParams.get("offset") === "2" ? "s2-search-page2.json" : "s2-search-page1.json",
        ),
      };
    if (url.pathname === "/paper/search/match")
      return { status: 404, body: '{"error": "Title match not found"}' };
    if (url.pathname.endsWith("/references")) return { body: fixture("s2-references.json") };
    if (url.pathname.endsWith("/citations"))
      return {
        body: fixture(
          url.searchParams.get("offset") === "1" ? "s2-citations-page2.json" : "s2-citations-page1.json",
        ),
      };
    return { status: 404, body: '{"error": "Paper with id x not found"}' };
  };

  it("searches with next paging and maps openAccessPdf in all three shapes", async () => {
    const s2 = createSemanticScholar(await serve(s2Routes, { headers: { "x-api-key": "secret-key" } }));
    const page1 = await s2.search("attention");
    expect(page1.next).toBe(2);
    expect(page1.papers.map((p) => [p.title, p.pdfUrl])).toEqual([
      ["Attention is All you Need", "https://arxiv.org/pdf/1706.03762"],
      ["BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", null],
    ]);
    expect(page1.papers[0]).toMatchObject({
      s2Id: "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
      arxivId: "1706.03762",
      date: "2017-06-12",
      source: "semantic_scholar",
    });
    expect(page1.papers[1]).toMatchObject({ doi: "10.18653/V1/N19-1423", aclId: "N19-1423", abstract: "" });
    const page2 = await s2.search("attention", { offset: page1.next as number });
    expect(page2.next).toBeNull();
    expect(page2.papers[0]).toMatchObject({
      title: "Convolutional Sequence to Sequence Learning",
      pdfUrl: null,
      date: null,
      year: 2017,
    });
    expect(server?.requests[0]?.headers["x-api-key"]).toBe("secret-key");
    expect(server?.requests[0]?.url.searchParams.get("fields")).toContain("openAccessPdf");
  });

  it("keeps references with paperId null as unresolved titles, pages citations, and reads a 404 title match as no match", async () => {
    const s2 = createSemanticScholar(await serve(s2Routes));
    const refs = await s2.references("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    expect(refs.papers.map((p) => p.title)).toEqual(["Convolutional Sequence to Sequence Learning"]);
    expect(refs.unresolved).toEqual([
      { title: "Long short-term memory (unpublished technical report)", year: 1997 },
    ]);
    expect(refs.next).toBeNull();
    const all = await s2.allCitations("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    expect(all).toMatchObject({ complete: true });
    expect(all.papers.map((p) => p.title)).toEqual([
      "A Later Paper Citing Attention",
      "Another Citing Paper",
    ]);
    expect(await s2.matchTitle("No such paper")).toBeNull();
    expect(server?.requests.some((r) => r.headers["x-api-key"] !== undefined)).toBe(false);
  });

  it("honours Retry-After on a 429, then succeeds", async () => {
    const client = await serve((url, previous) =>
      previous === 0
        ? { status: 429, headers: { "retry-after": "1" }, body: fixture("s2-429.json") }
        : s2Routes(url),
    );
    const result = await createSemanticScholar(client).search("attention");
    expect(result.papers).toHaveLength(2);
    const [first, second] = server?.requests ?? [];
    expect(server?.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("gives up after the bounded number of retries with a rate-limit error", async () => {
    const client = await serve(
      () => ({ status: 429, headers: { "retry-after": "0" }, body: fixture("s2-429.json") }),
      { maxRetries: 2 },
    );
    const e = await errorOf(createSemanticScholar(client).search("attention"));
    expect(e.code).toBe("rate_limited:literature_source");
    expect(e.message).toContain("after 3 attempts");
    expect(server?.requests).toHaveLength(3);
    expect(db.$client.prepare("SELECT count(*) AS n FROM http_cache").get()).toEqual({ n: 0 });
  });

  it("a response that does not match the documented shape fails visibly and is not cached", async () => {
    const client = await serve(() => ({ body: '{"data": [{"paperId": 12}]}' }));
    const e = await errorOf(createSemanticScholar(client).search("x"));
    expect(e.message).toMatch(/unexpected response \(data\.0\.paperId/);
    expect(db.$client.prepare("SELECT count(*) AS n FROM http_cache").get()).toEqual({ n: 0 });
  });
});

describe("cache and offline mode", () => {
  it("answers a repeated request from the SQLite cache, and offline mode reads only the cache and says so", async () => {
    const route = (url: URL) => ({
      body: fixture(url.searchParams.get("offset") === "2" ? "s2-search-page2.json" : "s2-search-page1.json"),
    });
    const online = await serve(route);
    const first = await createSemanticScholar(online).search("attention");
    const again = await createSemanticScholar(online).search("attention");
    expect([first.cached, again.cached]).toEqual([false, true]);
    expect(server?.requests).toHaveLength(1);
    const offline = createSourceClient({
      source: online.source,
      label: "Semantic Scholar",
      baseUrl: server?.baseUrl as string,
      minIntervalMs: 0,
      timeoutMs: 1_000,
      maxRetries: 0,
      offline: true,
    });
    expect((await createSemanticScholar(offline).search("attention")).papers).toHaveLength(2);
    const e = await errorOf(createSemanticScholar(offline).search("attention", { offset: 2 }));
    expect(e.code).toBe("unavailable:offline");
    expect(e.message).toMatch(/^Offline mode: Semantic Scholar is not contacted/);
    expect(server?.requests).toHaveLength(1);
  });
});

describe("OpenAlex", () => {
  const oaRoutes = (url: URL): Reply => {
    const filter = url.searchParams.get("filter") ?? "";
    if (url.pathname === "/works" && url.searchParams.get("search")) {
      return {
        body: fixture(
          url.searchParams.get("cursor") === "*"
            ? "openalex-search-page1.json"
            : "openalex-search-page2.json",
        ),
      };
    }
    if (url.pathname === "/works" && filter.startsWith("openalex:"))
      return { body: fixture("openalex-references.json") };
    if (url.pathname === "/works" && filter.startsWith("cites:"))
      return { body: fixture("openalex-search-page2.json") };
    if (url.pathname.startsWith("/works/")) return { body: fixture("openalex-work.json") };
    return { status: 404, body: "{}" };
  };

  it("pages with cursors, rebuilds abstracts from the inverted index, sends the key but never caches it", async () => {
    const oa = createOpenAlex(
      await serve(oaRoutes, {
        params: { mailto: "lab@example.org" },
        secretParams: { api_key: "oa-secret" },
      }),
    );
    const page1 = await oa.search("sequence learning");
    expect(page1.nextCursor).toBe("IlsxMDAuMCwgJ2h0dHBzOi8vb3BlbmFsZXgub3JnL1cxJ10i");
    expect(page1.papers[0]).toMatchObject({
      openalexId: "W2963403868",
      doi: "https://doi.org/10.48550/arxiv.1705.03122",
      abstract: "The prevalent approach to sequence to sequence learning",
      venue: "International Conference on Machine Learning",
      pdfUrl: "https://arxiv.org/pdf/1705.03122",
      authors: [{ name: "Jonas Gehring", id: "https://openalex.org/A1" }],
    });
    const page2 = await oa.search("sequence learning", { cursor: page1.nextCursor as string });
    expect(page2.nextCursor).toBeNull();
    expect(page2.papers[0]?.title).toBe("Sequence Learning Without a Title Field");
    expect(server?.requests[1]?.url.searchParams.get("cursor")).toBe(page1.nextCursor);
    expect(server?.requests[0]?.url.searchParams.get("api_key")).toBe("oa-secret");
    expect(server?.requests[0]?.url.searchParams.get("mailto")).toBe("lab@example.org");
    const cachedUrls = (db.$client.prepare("SELECT url FROM http_cache").all() as { url: string }[]).map(
      (r) => r.url,
    );
    expect(cachedUrls).toHaveLength(2);
    for (const u of cachedUrls) expect(u).not.toContain("oa-secret");
  });

  it("reads backward references through referenced_works and forward citations through cites:", async () => {
    const oa = createOpenAlex(await serve(oaRoutes));
    const refs = await oa.references("W2963403868");
    expect(refs.papers.map((p) => p.title)).toEqual([
      "Long Short-Term Memory",
      "Sequence to Sequence Learning with Neural Networks",
    ]);
    expect(server?.requests[1]?.url.searchParams.get("filter")).toBe("openalex:W1|W2");
    expect(refs.papers[0]?.abstract).toBe("Learning to store");
    const citing = await oa.citing("https://openalex.org/W2963403868");
    expect(server?.requests[2]?.url.searchParams.get("filter")).toBe("cites:W2963403868");
    expect(citing.papers).toHaveLength(1);
  });
});

describe("arXiv", () => {
  const arxivRoutes = (url: URL): Reply => {
    const q = url.searchParams.get("search_query") ?? "";
    if (url.searchParams.get("start") === "-1")
      return {
        status: 400,
        headers: { "content-type": "application/atom+xml" },
        body: fixture("arxiv-error.xml"),
      };
    return {
      headers: { "content-type": "application/atom+xml" },
      body: fixture(q.includes("zzqqxx") ? "arxiv-empty.xml" : "arxiv-feed.xml"),
    };
  };

  it("parses an Atom feed with a real XML parser, normalising whitespace and ids", async () => {
    const arxiv = createArxiv(await serve(arxivRoutes));
    const r = await arxiv.search("all:chain of ideas");
    expect(r.total).toBe(2);
    expect(r.papers[0]).toMatchObject({
      arxivId: "2410.13185",
      title: "Chain of Ideas: Revolutionizing Research Via Novel Idea Development with LLM Agents",
      abstract:
        "Effective research ideation is a critical step for scientific research. However, the exponential increase in scientific literature makes it challenging.",
      date: "2024-10-17",
      authors: [{ name: "Long Li" }, { name: "Weiwen Xu" }],
      pdfUrl: "http://arxiv.org/pdf/2410.13185v5",
      venue: "arXiv",
    });
    expect(r.papers[1]).toMatchObject({ doi: "10.48550/arXiv.2409.04109", venue: "ICLR 2025" });
    expect((await arxiv.search("all:zzqqxx")).papers).toEqual([]);
  });

  it("turns the error feed into a visible failure", async () => {
    const arxiv = createArxiv(await serve(arxivRoutes));
    const e = await errorOf(arxiv.search("all:x", { start: -1 }));
    expect(e.code).toBe("invalid:arxiv_query");
    expect(e.message).toContain("start must be an integer greater than or equal to 0");
  });

  it("spaces requests to one source by its minimum interval", async () => {
    const arxiv = createArxiv(await serve(arxivRoutes, { minIntervalMs: 400 }));
    await Promise.all([arxiv.search("all:a"), arxiv.search("all:b"), arxiv.search("all:c")]);
    const times = server?.requests.map((r) => r.at) ?? [];
    expect(times).toHaveLength(3);
    // Server-side arrival times jitter by connection setup; without the throttle the gaps are ~0 ms.
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(300);
  });
});

describe("getConnectors", () => {
  it("takes base URLs and the S2 key from the environment", async () => {
    server = await startFixtureServer((url) => ({
      body: fixture(url.searchParams.get("offset") === "2" ? "s2-search-page2.json" : "s2-search-page1.json"),
    }));
    vi.stubEnv("LITERATURE_S2_BASE_URL", server.baseUrl);
    vi.stubEnv("SEMANTIC_SCHOLAR_API_KEY", "env-key");
    vi.stubEnv("LITERATURE_S2_MIN_INTERVAL_MS", "0");
    resetEnvForTests();
    const { semanticScholar } = getConnectors();
    expect((await semanticScholar.search("attention")).papers).toHaveLength(2);
    expect(server.requests[0]?.headers["x-api-key"]).toBe("env-key");
  });
});
