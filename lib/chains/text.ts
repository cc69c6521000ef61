// Lexical relevance without a model: keyword queries from a topic, and a score of how much of the
// topic a paper's title and abstract cover. Used to rank candidates before the model sees them, and
// as the whole judgement when no model is configured.

const STOPWORDS = new Set(
  (
    "a an and are as at be but by can do does for from has have how in into is it its of on or our " +
    "that the their them these this those to towards toward using use via was we what when which " +
    "while who why will with within without new novel approach approaches method methods study " +
    "studies based paper research improving improve"
  ).split(" "),
);

/** Lower-cased content words of at least 3 characters (hyphenated words kept whole), in order. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter(
    (w) => w.length >= 3 && !STOPWORDS.has(w),
  );
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/**
 * Up to `max` search queries from a topic: all its keywords, then windows of three and of two
 * consecutive keywords. Deterministic; empty when the topic has no content word.
 */
export function keywordQueries(topic: string, max = 5): string[] {
  const words = unique(tokenize(topic));
  if (words.length === 0) return [];
  const queries = [words.join(" ")];
  for (const size of [3, 2]) {
    for (let i = 0; i + size <= words.length; i += 1) queries.push(words.slice(i, i + size).join(" "));
  }
  return unique(queries).slice(0, max);
}

/** Word sets of texts, memoized for one build: a well-cited paper's citing list is scored many times. */
export type TermCache = (text: string) => ReadonlySet<string>;

/** A memo of at most `max` texts (it starts over when full, so memory stays bounded). */
export function createTermCache(max = 50_000): TermCache {
  const memo = new Map<string, ReadonlySet<string>>();
  return (text) => {
    let terms = memo.get(text);
    if (terms === undefined) {
      if (memo.size >= max) memo.clear();
      terms = new Set(tokenize(text));
      memo.set(text, terms);
    }
    return terms;
  };
}

const uncached: TermCache = (text) => new Set(tokenize(text));

/** Share of `focus` words the paper covers; a title hit counts twice an abstract hit. In [0, 1]. */
export function relevanceScore(
  focus: string,
  paper: { title: string; abstract: string },
  terms: TermCache = uncached,
): number {
  const words = [...terms(focus)];
  if (words.length === 0) return 0;
  const title = terms(paper.title);
  const abstract = terms(paper.abstract);
  let score = 0;
  for (const w of words) score += (title.has(w) ? 2 : 0) + (abstract.has(w) ? 1 : 0);
  return score / (3 * words.length);
}

/** Jaccard similarity of two papers' word sets: the overlap anchors are penalized for. */
export function paperOverlap(
  a: { title: string; abstract: string },
  b: { title: string; abstract: string },
  terms: TermCache = uncached,
): number {
  const x = terms(`${a.title} ${a.abstract}`);
  const y = terms(`${b.title} ${b.abstract}`);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / (x.size + y.size - shared);
}
