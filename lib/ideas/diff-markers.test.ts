import { describe, expect, it } from "vitest";
import { DIFF_MARKS, markedDiff, splitMarked, stripDiffMarks } from "./diff-markers";

const [A, a] = DIFF_MARKS.added;
const [R, r] = DIFF_MARKS.removed;

describe("markedDiff", () => {
  it("wraps changed words and leaves the same text as it is", () => {
    expect(markedDiff({ before: "We use graphs.", after: "We use knowledge graphs." })).toBe(
      `We use ${A}knowledge${a} graphs.`,
    );
    expect(markedDiff({ before: "a **bold** claim", after: "a claim" })).toContain(`${R}**bold**${r}`);
  });

  it("keeps block syntax outside the markers so added list items and headings still render", () => {
    const out = markedDiff({ before: "Intro.\n", after: "Intro.\n- first point\n" });
    expect(out).toBe(`Intro.\n- ${A}first point${a}\n`);
    expect(markedDiff({ before: "", after: "## Method" })).toBe(`## ${A}Method${a}`);
  });

  it("does not mark whitespace-only changes and strips forged markers from the input", () => {
    expect(markedDiff({ before: "one two", after: "one  two" })).toBe("one  two");
    expect(markedDiff({ before: `x${A}y`, after: `x${A}y` })).toBe("xy");
    expect(stripDiffMarks(`${A}${R}ok${r}${a}`)).toBe("ok");
  });
});

describe("splitMarked", () => {
  it("splits by markers and carries an open run into the next text node", () => {
    const first = splitMarked(`old ${R}gone `, "same");
    expect(first).toEqual({
      pieces: [
        { type: "same", text: "old " },
        { type: "removed", text: "gone " },
      ],
      mode: "removed",
    });
    const second = splitMarked(`still${r} back ${A}new${a}`, first.mode);
    expect(second).toEqual({
      pieces: [
        { type: "removed", text: "still" },
        { type: "same", text: " back " },
        { type: "added", text: "new" },
      ],
      mode: "same",
    });
  });
});
