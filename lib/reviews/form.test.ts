import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import {
  anchorFor,
  CONFIDENCE_SCALE,
  DEFAULT_REVIEW_FORM,
  FAMILIARITY_SCALE,
  RESERVED_KEYS,
  type ReviewMetric,
} from "./form";
import { formFromText, formToText, parseReviewForm, reviewFormSchema } from "./form-parse";

const metric = (over: Partial<ReviewMetric> = {}): ReviewMetric => ({
  key: "clarity",
  label: "Clarity",
  definition: "",
  scale: { min: 1, max: 10 },
  anchors: [],
  rationale: { required: false, minLength: 0 },
  ...over,
});

describe("the default review form", () => {
  it("has the spec's five metrics, each 1–10 with a required rationale of at least 100 characters", () => {
    expect(DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, m.label])).toEqual([
      ["novelty", "Novelty"],
      ["excitement", "Excitement"],
      ["feasibility", "Feasibility"],
      ["effectiveness", "Expected effectiveness"],
      ["overall", "Overall"],
    ]);
    for (const m of DEFAULT_REVIEW_FORM.metrics) {
      expect(m.scale).toEqual({ min: 1, max: 10 });
      expect(m.rationale).toEqual({ required: true, minLength: 100 });
      expect(m.definition.length).toBeGreaterThan(0);
    }
  });

  it("anchors the points the spec anchors, with the spec's wording", () => {
    const values = Object.fromEntries(
      DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, m.anchors.map((a) => a.value)]),
    );
    const sparse = [1, 3, 5, 6, 8, 10];
    expect(values).toEqual({
      novelty: sparse,
      excitement: sparse,
      feasibility: sparse,
      effectiveness: sparse,
      overall: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    });
    const { metrics } = DEFAULT_REVIEW_FORM;
    const [novelty, feasibility, overall] = [at(metrics, 0), at(metrics, 2), at(metrics, 4)];
    expect(anchorFor(novelty, 5)).toBe("some differences, not enough for a new paper");
    expect(anchorFor(feasibility, 10)).toBe("a few days");
    expect(anchorFor(overall, 9)).toBe("strong accept, top 15%");
  });

  it("passes its own checks unchanged, so organizers can start from it", () => {
    expect(parseReviewForm(DEFAULT_REVIEW_FORM)).toEqual({ ok: true, form: DEFAULT_REVIEW_FORM });
  });

  it("does not share scale objects between metrics", () => {
    const [a, b] = [at(DEFAULT_REVIEW_FORM.metrics, 0), at(DEFAULT_REVIEW_FORM.metrics, 1)];
    expect(a.scale).not.toBe(b.scale);
    expect(a.rationale).not.toBe(b.rationale);
  });
});

describe("the fixed 1–5 questions", () => {
  it("have the spec's five anchors and keys that no metric may take", () => {
    for (const s of [CONFIDENCE_SCALE, FAMILIARITY_SCALE]) {
      expect(s.scale).toEqual({ min: 1, max: 5 });
      expect(s.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4, 5]);
      expect(RESERVED_KEYS).toContain(s.key);
    }
    expect(anchorFor(CONFIDENCE_SCALE, 1)).toBe("educated guess");
    expect(anchorFor(FAMILIARITY_SCALE, 4)).toBe("co-authored a paper on it");
  });
});

describe("parseReviewForm", () => {
  it("trims text, sorts anchors and fills the optional fields", () => {
    const r = parseReviewForm({
      metrics: [
        {
          key: " clarity ",
          label: " Clarity ",
          scale: { min: 0, max: 4 },
          anchors: [
            { value: 4, text: " crystal clear " },
            { value: 0, text: "opaque" },
          ],
        },
      ],
    });
    expect(r).toEqual({
      ok: true,
      form: {
        metrics: [
          metric({
            scale: { min: 0, max: 4 },
            anchors: [
              { value: 0, text: "opaque" },
              { value: 4, text: "crystal clear" },
            ],
          }),
        ],
      },
    });
  });

  it("accepts the widest scale allowed", () => {
    expect(parseReviewForm({ metrics: [metric({ scale: { min: -1000, max: -900 } })] }).ok).toBe(true);
  });

  const manyMetrics = Array.from({ length: 21 }, (_, i) => metric({ key: `m${i}` }));
  const excitement = metric({ key: "excitement", label: "Excitement" });

  it.each<[string, unknown, string[]]>([
    ["not an object", null, ['The form must be an object with a "metrics" list.']],
    ["a list", [metric()], ['The form must be an object with a "metrics" list.']],
    ["no metrics list", {}, ['The form needs a "metrics" list.']],
    ["an empty list", { metrics: [] }, ["The form needs at least one metric."]],
    ["21 metrics", { metrics: manyMetrics }, ["The form has 21 metrics; use at most 20."]],
    [
      "an unknown top-level field",
      { metrics: [metric()], title: "x" },
      ['The form has an unknown field "title".'],
    ],
    [
      "a metric that is not an object",
      { metrics: [5] },
      ["Metric 1 must be an object with a key, a label and a scale."],
    ],
    [
      "an anchor outside the scale",
      { metrics: [metric(), { ...excitement, anchors: [{ value: 11, text: "beyond" }] }] },
      ['Metric 2 ("excitement"): the anchor for 11 is outside the scale 1–10.'],
    ],
    [
      "a key used twice",
      { metrics: [metric({ key: "novelty" }), excitement, metric({ key: "novelty" })] },
      ['Metric 3: key "novelty" is used twice.'],
    ],
    [
      "a key used three times, reported once",
      { metrics: [metric(), metric(), metric()] },
      ['Metric 2: key "clarity" is used 3 times.'],
    ],
    [
      "a reserved key",
      { metrics: [metric({ key: "confidence" })] },
      ['Metric 1: key "confidence" is reserved.'],
    ],
    [
      "a key ending in _rationale",
      { metrics: [metric({ key: "novelty_rationale" })] },
      ['Metric 1: key "novelty_rationale" is reserved (a key may not end in "_rationale").'],
    ],
    [
      "a key that is not snake_case",
      { metrics: [metric({ key: "Bad Key" })] },
      [
        'Metric 1: key "Bad Key" must start with a lower-case letter and use only a–z, 0–9 and _ (at most 40 characters).',
      ],
    ],
    [
      "a key of 41 characters",
      { metrics: [metric({ key: `a${"b".repeat(40)}` })] },
      [
        `Metric 1: key "a${"b".repeat(40)}" must start with a lower-case letter and use only a–z, 0–9 and _ (at most 40 characters).`,
      ],
    ],
    [
      "a key that is not text",
      { metrics: [{ ...metric(), key: 3 }] },
      ['Metric 1: the key must be a text such as "clarity".'],
    ],
    ["a blank label", { metrics: [metric({ label: "   " })] }, ['Metric 1 ("clarity"): the label is empty.']],
    [
      "a label of 81 characters",
      { metrics: [metric({ label: "x".repeat(81) })] },
      ['Metric 1 ("clarity"): the label has 81 characters; use at most 80.'],
    ],
    [
      "a missing label",
      { metrics: [{ key: "clarity", scale: { min: 1, max: 10 } }] },
      ['Metric 1 ("clarity"): the label must be text.'],
    ],
    [
      "a definition of 2,001 characters",
      { metrics: [metric({ definition: "x".repeat(2001) })] },
      ['Metric 1 ("clarity"): the definition has 2,001 characters; use at most 2,000.'],
    ],
    [
      "a misspelt field",
      { metrics: [{ ...metric(), rational: {} }] },
      [
        'Metric 1 ("clarity"): unknown field "rational" (the fields are key, label, definition, scale, anchors, rationale).',
      ],
    ],
    [
      "a fractional scale minimum",
      { metrics: [metric({ scale: { min: 1.5, max: 10 } })] },
      ['Metric 1 ("clarity"): the scale minimum must be a whole number from -1,000 to 1,000.'],
    ],
    [
      "a scale maximum given as a string",
      { metrics: [{ ...metric(), scale: { min: 1, max: "10" } }] },
      ['Metric 1 ("clarity"): the scale maximum must be a whole number from -1,000 to 1,000.'],
    ],
    [
      "a scale beyond -1000",
      { metrics: [metric({ scale: { min: -1001, max: -1000 } })] },
      ['Metric 1 ("clarity"): the scale minimum must be a whole number from -1,000 to 1,000.'],
    ],
    [
      "a scale with min = max",
      { metrics: [metric({ scale: { min: 5, max: 5 } })] },
      ['Metric 1 ("clarity"): the scale minimum (5) must be below the maximum (5).'],
    ],
    [
      "a scale wider than 100",
      { metrics: [metric({ scale: { min: 0, max: 101 } })] },
      [
        'Metric 1 ("clarity"): the scale 0–101 is too wide; its maximum may exceed its minimum by at most 100.',
      ],
    ],
    [
      "a missing scale",
      { metrics: [{ key: "clarity", label: "Clarity" }] },
      ['Metric 1 ("clarity"): the scale must be an object with "min" and "max".'],
    ],
    [
      "anchors that are not a list",
      { metrics: [{ ...metric(), anchors: { 1: "low" } }] },
      ['Metric 1 ("clarity"): the anchors must be a list.'],
    ],
    [
      "an anchor value given as a string",
      { metrics: [{ ...metric(), anchors: [{ value: "3", text: "mid" }] }] },
      ['Metric 1 ("clarity"): the value of anchor 1 must be a whole number.'],
    ],
    [
      "two anchors for one point",
      {
        metrics: [
          metric({
            anchors: [
              { value: 3, text: "a" },
              { value: 3, text: "b" },
            ],
          }),
        ],
      },
      ['Metric 1 ("clarity"): there are two anchors for 3.'],
    ],
    [
      "an anchor without text",
      { metrics: [metric({ anchors: [{ value: 2, text: " " }] })] },
      ['Metric 1 ("clarity"): the anchor for 2 needs a text.'],
    ],
    [
      "an anchor text of 301 characters",
      { metrics: [metric({ anchors: [{ value: 2, text: "x".repeat(301) }] })] },
      ['Metric 1 ("clarity"): the text of the anchor for 2 has 301 characters; use at most 300.'],
    ],
    [
      "an anchor with an extra field",
      { metrics: [{ ...metric(), anchors: [{ value: 2, text: "low", label: "x" }] }] },
      ['Metric 1 ("clarity"): anchor 1 has an unknown field "label".'],
    ],
    [
      "a rationale minimum over 5,000",
      { metrics: [metric({ rationale: { required: true, minLength: 5001 } })] },
      ['Metric 1 ("clarity"): the rationale\'s "minLength" must be a whole number from 0 to 5,000.'],
    ],
    [
      "a rationale flag that is not a boolean",
      { metrics: [{ ...metric(), rationale: { required: "yes", minLength: 0 } }] },
      ['Metric 1 ("clarity"): the rationale\'s "required" must be true or false.'],
    ],
    [
      "a rationale setting with a missing minimum",
      { metrics: [{ ...metric(), rationale: { required: true } }] },
      ['Metric 1 ("clarity"): the rationale\'s "minLength" must be a whole number from 0 to 5,000.'],
    ],
    [
      "several problems at once, in order",
      {
        metrics: [
          metric({ label: "", scale: { min: 10, max: 1 }, anchors: [{ value: 20, text: "" }] }),
          { ...metric({ key: "Two" }), definition: 7 },
        ],
      },
      [
        'Metric 1 ("clarity"): the label is empty.',
        'Metric 1 ("clarity"): the scale minimum (10) must be below the maximum (1).',
        'Metric 1 ("clarity"): the anchor for 20 needs a text.',
        'Metric 2: key "Two" must start with a lower-case letter and use only a–z, 0–9 and _ (at most 40 characters).',
        "Metric 2: the definition must be text.",
      ],
    ],
  ])("refuses %s", (_, input, errors) => {
    expect(parseReviewForm(input)).toEqual({ ok: false, errors });
  });

  it("is available as a zod schema with the same messages", () => {
    expect(reviewFormSchema.parse(DEFAULT_REVIEW_FORM)).toEqual(DEFAULT_REVIEW_FORM);
    const r = reviewFormSchema.safeParse({ metrics: [] });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["The form needs at least one metric."]);
  });
});

describe("formToText and formFromText", () => {
  it("round-trip the default form, one anchor per line", () => {
    const text = formToText(DEFAULT_REVIEW_FORM);
    expect(formFromText(text)).toEqual({ ok: true, form: DEFAULT_REVIEW_FORM });
    expect(text).toContain('\n        { "value": 9, "text": "strong accept, top 15%" },\n');
    expect(text).toContain('"scale": { "min": 1, "max": 10 },');
    expect(text).toContain('"rationale": { "required": true, "minLength": 100 }');
    expect(text.startsWith('{\n  "metrics": [\n    {\n      "key": "novelty",')).toBe(true);
  });

  it("keep quotes, newlines and braces inside texts intact", () => {
    const form = {
      metrics: [
        metric({
          definition: 'Line one\nline "two" {x}',
          scale: { min: -2, max: 2 },
          anchors: [
            { value: -2, text: 'says "value": 3, then }' },
            { value: 2, text: "back\\slash" },
          ],
        }),
      ],
    };
    const text = formToText(form);
    expect(text).toContain('{ "value": -2, "text": "says \\"value\\": 3, then }" }');
    expect(formFromText(text)).toEqual({ ok: true, form });
  });

  it("write only the form's fields, in a fixed order", () => {
    const extra = { ...metric(), id: "react-key" } as ReviewMetric;
    expect(Object.keys(JSON.parse(formToText({ metrics: [extra] })).metrics[0])).toEqual([
      "key",
      "label",
      "definition",
      "scale",
      "anchors",
      "rationale",
    ]);
  });

  it("report broken JSON as one sentence, and form errors as parseReviewForm does", () => {
    const broken = formFromText('{ "metrics": [ }');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.errors).toHaveLength(1);
      expect(broken.errors[0]).toMatch(/^The form is not valid JSON: \S/);
    }
    expect(formFromText('{ "metrics": [] }')).toEqual({
      ok: false,
      errors: ["The form needs at least one metric."],
    });
  });
});

describe("anchorFor", () => {
  it("returns the anchor text for an anchored point and null elsewhere", () => {
    const m = metric({ anchors: [{ value: 3, text: "middling" }] });
    expect(anchorFor(m, 3)).toBe("middling");
    expect(anchorFor(m, 4)).toBeNull();
  });
});
