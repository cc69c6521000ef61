import "server-only";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { AppError } from "@/lib/errors";
import type { PaperInput, ParsedCorpus, UnresolvedReference } from "@/lib/literature/types";
import type { Connectors } from "./config";
import { openAlexIdFor } from "./openalex";
import { s2IdFor } from "./semantic-scholar";

// "Fetch more" on a paper page: one page of references and citations from a connector, stored in the
// study's corpus (or the instance's) with their edges, so the neighbourhood grows from the store.

export type FetchSource = "semantic_scholar" | "openalex";

function corpusAround(
  paper: PaperInput,
  references: PaperInput[],
  citing: PaperInput[],
  unresolved: UnresolvedReference[],
): ParsedCorpus {
  const papers = [paper, ...references, ...citing];
  return {
    papers,
    edges: [
      ...references.map((_, i) => ({ citing: 0, cited: 1 + i })),
      ...citing.map((_, i) => ({ citing: 1 + references.length + i, cited: 0 })),
    ],
    unresolved: unresolved.map((reference) => ({ paper: 0, reference })),
  };
}

export async function fetchNeighbours({
  connectors,
  paper,
  studyId,
  source,
}: {
  connectors: Connectors;
  paper: PaperInput;
  studyId: string | null;
  source: FetchSource;
}) {
  let corpus: ParsedCorpus;
  if (source === "semantic_scholar") {
    const id = s2IdFor(paper);
    if (!id)
      throw new AppError(
        "invalid:paper",
        "This paper has no id Semantic Scholar knows (S2, DOI, arXiv or ACL).",
      );
    const refs = await connectors.semanticScholar.references(id);
    const cites = await connectors.semanticScholar.citations(id);
    corpus = corpusAround(paper, refs.papers, cites.papers, refs.unresolved);
  } else {
    const id = openAlexIdFor(paper);
    if (!id) throw new AppError("invalid:paper", "This paper has no id OpenAlex knows (OpenAlex or DOI).");
    const refs = await connectors.openAlex.references(id);
    const cites = await connectors.openAlex.citing(refs.paper?.openalexId ?? id);
    corpus = corpusAround(
      refs.paper ? { ...paper, openalexId: refs.paper.openalexId } : paper,
      refs.papers,
      cites.papers,
      [],
    );
  }
  const r = upsertCorpus({ corpus, studyId });
  return {
    fetched: corpus.papers.length - 1,
    inserted: r.inserted,
    edgesAdded: r.edgesAdded,
    unresolved: corpus.unresolved.length,
  };
}
