import { upsertCorpus } from "@/db/queries/literature/papers";
import { advancePhase, replaceTopics } from "@/db/queries/study-setup";
import { paper } from "@/lib/literature/test-papers";
import type { ParsedCorpus } from "@/lib/literature/types";
import { makeStudy, makeUser } from "./fixtures";

// A study in the writing phase with two topics and a small literature on each (citation lines, so
// the chain builder finds anchors with backward and forward neighbours), for ideation run tests.

const corpus: ParsedCorpus = {
  papers: [
    paper({
      importId: "t0",
      title: "Phrase-based statistical machine translation",
      abstract: "Translation with phrase tables.",
      year: 2003,
    }),
    paper({
      importId: "t1",
      title: "Neural machine translation with attention",
      abstract: "Translation with soft attention.",
      year: 2014,
    }),
    paper({
      importId: "t2",
      title: "Transformer machine translation",
      abstract: "Translation with self-attention only.",
      year: 2017,
    }),
    paper({
      importId: "t3",
      title: "Multilingual machine translation at scale",
      abstract: "Translation for many languages.",
      year: 2020,
    }),
    paper({
      importId: "p0",
      title: "Transition-based dependency parsing",
      abstract: "A greedy dependency parser.",
      year: 2008,
    }),
    paper({
      importId: "p1",
      title: "Neural dependency parsing with embeddings",
      abstract: "Dependency parsing with a network.",
      year: 2014,
    }),
    paper({
      importId: "p2",
      title: "Biaffine attention for dependency parsing",
      abstract: "Dependency parsing with biaffine scores.",
      year: 2017,
    }),
  ],
  edges: [
    { citing: 1, cited: 0 },
    { citing: 2, cited: 1 },
    { citing: 3, cited: 2 },
    { citing: 5, cited: 4 },
    { citing: 6, cited: 5 },
  ],
  unresolved: [],
};

export function makeIdeationStudy({ topicNames = ["Machine translation", "Dependency parsing"] } = {}) {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const topics = replaceTopics({
    studyId: study.id,
    actorId: organizer.id,
    items: topicNames.map((name) => ({ name })),
  });
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  upsertCorpus({ corpus, studyId: study.id });
  return { organizer, study, topics };
}
