// Turns what a person types into an FTS5 MATCH expression: every word quoted (so FTS5 operators and
// punctuation in the input cannot break the query), joined by OR so BM25 ranks partial matches too.

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were with we our via using".split(
    " ",
  ),
);

/** Returns null when no searchable word remains (the caller shows "type a word" instead of searching). */
export function toFtsQuery(text: string, maxTerms = 32): string | null {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const kept = [...new Set(words.filter((w) => !STOPWORDS.has(w)))].slice(0, maxTerms);
  const terms = kept.length > 0 ? kept : [...new Set(words)].slice(0, maxTerms);
  return terms.map((w) => `"${w}"`).join(" OR ");
}
