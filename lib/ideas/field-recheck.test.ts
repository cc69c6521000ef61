import { describe, expect, it } from "vitest";
import { recheckFieldErrors } from "./field-recheck";
import type { IdeaTemplateField } from "./types";

const template: IdeaTemplateField[] = [
  { key: "title", label: "Title", guidance: "", required: true, wordLimit: 3 },
  { key: "problem", label: "Problem", guidance: "", required: true, wordLimit: null },
];

describe("recheckFieldErrors", () => {
  const errors = { title: ["Title is required."], problem: ["Problem is required."] };

  it("clears a field's error as soon as its text is fixed and keeps the others", () => {
    expect(recheckFieldErrors({ errors, template, key: "title", value: "Graph prompts" })).toEqual({
      problem: ["Problem is required."],
    });
  });

  it("says what is still wrong while it is not fixed", () => {
    expect(recheckFieldErrors({ errors, template, key: "title", value: "one two three four" })).toEqual({
      title: ["Title has 4 words; the limit is 3."],
      problem: ["Problem is required."],
    });
  });

  it("raises no new error on a field that had none", () => {
    expect(recheckFieldErrors({ errors: {}, template, key: "title", value: "" })).toEqual({});
  });
});
