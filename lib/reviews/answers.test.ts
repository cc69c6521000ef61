import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import {
  emptyAnswers,
  RATIONALE_CHAR_CAP,
  type ReviewAnswers,
  rationaleLength,
  validateAnswers,
} from "./answers";
import { DEFAULT_REVIEW_FORM, type ReviewForm } from "./form";

const form: ReviewForm = {
  metrics: [
    {
      key: "novelty",
      label: "Novelty",
      definition: "",
      scale: { min: 1, max: 10 },
      anchors: [],
      rationale: { required: true, minLength: 100 },
    },
    {
      key: "clarity",
      label: "Clarity",
      definition: "",
      scale: { min: 0, max: 4 },
      anchors: [],
      rationale: { required: false, minLength: 0 },
    },
  ],
};

const complete: ReviewAnswers = {
  scores: { novelty: 7, clarity: 0 },
  rationales: { novelty: "x".repeat(100), clarity: "" },
  confidence: 3,
  familiarity: 5,
  minutes: 0,
  attested: true,
};

const draft = { mode: "draft", attestationRequired: true } as const;
const submit = { mode: "submit", attestationRequired: true } as const;

describe("emptyAnswers", () => {
  it("has a null score and an empty rationale for every metric", () => {
    expect(emptyAnswers(DEFAULT_REVIEW_FORM)).toEqual({
      scores: { novelty: null, excitement: null, feasibility: null, effectiveness: null, overall: null },
      rationales: { novelty: "", excitement: "", feasibility: "", effectiveness: "", overall: "" },
      confidence: null,
      familiarity: null,
      minutes: null,
      attested: false,
    });
  });
});

describe("rationaleLength", () => {
  it.each([
    ["", 0],
    ["  padded \n", 6],
    ["a\r\nb", 3],
    ["🙂🙂", 2],
    ["é", 1],
  ])("%j counts %i", (text, n) => {
    expect(rationaleLength(text)).toBe(n);
  });
});

describe("validateAnswers", () => {
  it("accepts complete answers in both modes", () => {
    expect(validateAnswers(form, complete, submit)).toEqual({ ok: true, answers: complete });
    expect(validateAnswers(form, complete, draft)).toEqual({ ok: true, answers: complete });
  });

  it("lets an empty draft through, filled out to the form's metrics", () => {
    expect(validateAnswers(form, {}, draft)).toEqual({ ok: true, answers: emptyAnswers(form) });
  });

  const with_ = (over: Record<string, unknown>) => ({ ...complete, ...over });
  const scores = (over: Record<string, unknown>) => with_({ scores: { ...complete.scores, ...over } });
  const rationales = (over: Record<string, unknown>) =>
    with_({ rationales: { ...complete.rationales, ...over } });

  // [case, answers, errors in draft mode, errors in submit mode]; {} means accepted.
  it.each<[string, unknown, Record<string, string>, Record<string, string>]>([
    [
      "a score above the scale",
      scores({ novelty: 11 }),
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
    ],
    [
      "a score below a scale that starts at 0",
      scores({ clarity: -1 }),
      { "score.clarity": "Clarity: choose a score from 0 to 4." },
      { "score.clarity": "Clarity: choose a score from 0 to 4." },
    ],
    [
      "a fractional score",
      scores({ novelty: 6.5 }),
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
    ],
    [
      "a score sent as a string of digits",
      scores({ novelty: "7" }),
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
    ],
    [
      "a missing score",
      scores({ novelty: null }),
      {},
      { "score.novelty": "Novelty: choose a score from 1 to 10." },
    ],
    [
      "a score for a metric the form lacks",
      scores({ novelty2: 5 }),
      { "score.novelty2": "novelty2 is not a metric of this form." },
      { "score.novelty2": "novelty2 is not a metric of this form." },
    ],
    [
      "a rationale for a metric the form lacks",
      rationales({ novelty2: "text" }),
      { "rationale.novelty2": "novelty2 is not a metric of this form." },
      { "rationale.novelty2": "novelty2 is not a metric of this form." },
    ],
    [
      "a short required rationale",
      rationales({ novelty: `  ${"x".repeat(42)}  ` }),
      {},
      { "rationale.novelty": "Novelty rationale: write at least 100 characters (you have 42)." },
    ],
    [
      "a required rationale of 99 characters and an emoji",
      rationales({ novelty: `${"x".repeat(98)}🙂` }),
      {},
      { "rationale.novelty": "Novelty rationale: write at least 100 characters (you have 99)." },
    ],
    ["a missing optional rationale", rationales({ clarity: undefined }), {}, {}],
    [
      "a rationale over the cap",
      rationales({ clarity: "x".repeat(RATIONALE_CHAR_CAP + 1) }),
      { "rationale.clarity": "Clarity rationale: use at most 20,000 characters (you have 20,001)." },
      { "rationale.clarity": "Clarity rationale: use at most 20,000 characters (you have 20,001)." },
    ],
    [
      "a rationale that is not text",
      rationales({ novelty: 5 }),
      { "rationale.novelty": "Novelty rationale: must be text." },
      { "rationale.novelty": "Novelty rationale: must be text." },
    ],
    [
      "confidence out of range",
      with_({ confidence: 6 }),
      { confidence: "Confidence: choose 1 to 5." },
      { confidence: "Confidence: choose 1 to 5." },
    ],
    ["missing confidence", with_({ confidence: null }), {}, { confidence: "Confidence: choose 1 to 5." }],
    [
      "familiarity of 0",
      with_({ familiarity: 0 }),
      { familiarity: "Familiarity with the topic: choose 1 to 5." },
      { familiarity: "Familiarity with the topic: choose 1 to 5." },
    ],
    [
      "missing familiarity",
      with_({ familiarity: undefined }),
      {},
      { familiarity: "Familiarity with the topic: choose 1 to 5." },
    ],
    [
      "fractional minutes",
      with_({ minutes: 2.5 }),
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
    ],
    [
      "too many minutes",
      with_({ minutes: 10_001 }),
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
    ],
    [
      "minutes sent as a string",
      with_({ minutes: "30" }),
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
    ],
    [
      "missing minutes",
      with_({ minutes: null }),
      {},
      { minutes: "Minutes spent: enter a whole number from 0 to 10000." },
    ],
    ["no attestation", with_({ attested: false }), {}, { attested: "Tick the attestation to submit." }],
    [
      "an attestation that is not a boolean",
      with_({ attested: "on" }),
      { attested: "The attestation must be ticked or not ticked." },
      { attested: "The attestation must be ticked or not ticked." },
    ],
  ])("%s", (_, answers, draftErrors, submitErrors) => {
    for (const [options, errors] of [
      [draft, draftErrors],
      [submit, submitErrors],
    ] as const) {
      const r = validateAnswers(form, answers, options);
      if (Object.keys(errors).length === 0) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, errors });
      if (!r.ok) expect(r.errors).toEqual(errors);
    }
  });

  it("lists every problem of an empty submission", () => {
    const r = validateAnswers(form, {}, submit);
    expect(r).toEqual({
      ok: false,
      errors: {
        "score.novelty": "Novelty: choose a score from 1 to 10.",
        "score.clarity": "Clarity: choose a score from 0 to 4.",
        "rationale.novelty": "Novelty rationale: write at least 100 characters (you have 0).",
        confidence: "Confidence: choose 1 to 5.",
        familiarity: "Familiarity with the topic: choose 1 to 5.",
        minutes: "Minutes spent: enter a whole number from 0 to 10000.",
        attested: "Tick the attestation to submit.",
      },
      answers: emptyAnswers(form),
    });
  });

  it("needs no attestation where the study asks for none", () => {
    const r = validateAnswers(
      form,
      { ...complete, attested: false },
      { ...submit, attestationRequired: false },
    );
    expect(r).toEqual({ ok: true, answers: { ...complete, attested: false } });
  });

  it("requires some text for a required rationale with no minimum length", () => {
    const noMinimum: ReviewForm = {
      metrics: form.metrics.map((m) => ({ ...m, rationale: { required: true, minLength: 0 } })),
    };
    const r = validateAnswers(noMinimum, rationales({ novelty: "  ", clarity: "ok" }), submit);
    expect(r).toMatchObject({
      ok: false,
      errors: { "rationale.novelty": "Novelty rationale: write a rationale." },
    });
  });

  it("returns the answers cleaned to their types, so the form can be shown again", () => {
    const r = validateAnswers(
      form,
      { scores: { novelty: "7", clarity: 9, extra: 1 }, rationales: { novelty: "a\r\nb" }, minutes: 2.5 },
      draft,
    );
    expect(r.ok).toBe(false);
    expect(r.answers).toEqual({
      ...emptyAnswers(form),
      scores: { novelty: null, clarity: 9 },
      rationales: { novelty: "a\nb", clarity: "" },
      minutes: 2.5,
    });
  });

  it.each([null, "answers", [], { scores: [] }, { scores: 3 }, { rationales: "text" }])(
    "refuses %j as unreadable",
    (answers) => {
      expect(validateAnswers(form, answers, draft)).toEqual({
        ok: false,
        errors: { form: "The review could not be read; reload the page and try again." },
        answers: null,
      });
    },
  );

  it("reads only the answer's own properties, even for a metric keyed like an Object method", () => {
    const tricky: ReviewForm = {
      metrics: [{ ...at(form.metrics, 1), key: "constructor", label: "Construction" }],
    };
    expect(validateAnswers(tricky, { scores: {}, rationales: {} }, draft)).toEqual({
      ok: true,
      answers: emptyAnswers(tricky),
    });
  });
});
