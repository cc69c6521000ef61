// Test helper: a complete PaperInput with overrides (used by lib and db tests).
import type { PaperInput } from "./types";

export function paper(overrides: Partial<PaperInput> = {}): PaperInput {
  return {
    doi: null,
    arxivId: null,
    s2Id: null,
    openalexId: null,
    aclId: null,
    importId: null,
    title: "Attention Is All You Need",
    abstract: "",
    year: 2017,
    date: null,
    venue: null,
    authors: [],
    citationCount: null,
    url: null,
    pdfUrl: null,
    source: "import",
    ...overrides,
  };
}
