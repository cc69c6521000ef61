// A word diff written into one Markdown text with private-use marker characters around added and
// removed runs, so the combined text can be rendered as Markdown and the markers turned into <ins> and
// <del> afterwards (components/markdown-diff.tsx). Markers in the input are removed first, so nobody
// can forge them. Whitespace-only changes are unmarked and follow the rewrite (they cannot be seen, and a
// marker on a blank line would join two paragraphs), and a line's block syntax ("# ", "- ", "1. ", "> ") is kept
// outside the markers so an added heading or list item still renders as one.

import { type DiffSegment, diffWords } from "./diff";

export const DIFF_MARKS = {
  added: ["\uE000", "\uE001"],
  removed: ["\uE002", "\uE003"],
} as const;

const ANY_MARK = /[\uE000-\uE003]/g;
const BLOCK_PREFIX = /^(?:[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?))+/;

export const stripDiffMarks = (text: string) => text.replace(ANY_MARK, "");

/** The combined text: unchanged runs as they are, changed runs wrapped in their markers. */
export function markedDiff({ before, after }: { before: string; after: string }): string {
  let out = "";
  for (const seg of diffWords({ before: stripDiffMarks(before), after: stripDiffMarks(after) })) {
    if (seg.type === "same" || seg.text.trim() === "") {
      // A whitespace-only change shows as the rewrite's whitespace.
      if (seg.type !== "removed") out += seg.text;
      continue;
    }
    const [open, close] = DIFF_MARKS[seg.type];
    // Leading and trailing whitespace stay outside, so line starts (and block syntax) are seen.
    const lead = seg.text.match(/^\s*/)?.[0] ?? "";
    out += lead;
    const text = seg.text.slice(lead.length);
    const atLineStart = out === "" || out.endsWith("\n");
    const prefix = atLineStart ? (BLOCK_PREFIX.exec(text)?.[0] ?? "") : "";
    const rest = text.slice(prefix.length);
    const body = rest.replace(/\s+$/, "");
    out += prefix + (body ? open + body + close : "") + rest.slice(body.length);
  }
  return out;
}

export type MarkedPiece = { type: DiffSegment["type"]; text: string };

/**
 * Splits a text node of the rendered combined text into pieces by the markers. `mode` is the state
 * the previous text node ended in (a changed run can span several nodes, e.g. "old **bold** words").
 */
export function splitMarked(
  text: string,
  mode: DiffSegment["type"],
): { pieces: MarkedPiece[]; mode: DiffSegment["type"] } {
  const pieces: MarkedPiece[] = [];
  let current = mode;
  let buffer = "";
  const flush = () => {
    if (buffer) pieces.push({ type: current, text: buffer });
    buffer = "";
  };
  for (const ch of text) {
    if (ch === DIFF_MARKS.added[0] || ch === DIFF_MARKS.removed[0]) {
      flush();
      current = ch === DIFF_MARKS.added[0] ? "added" : "removed";
    } else if (ch === DIFF_MARKS.added[1] || ch === DIFF_MARKS.removed[1]) {
      flush();
      current = "same";
    } else buffer += ch;
  }
  flush();
  return { pieces, mode: current };
}
