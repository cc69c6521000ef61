// The review form (specs/review-form.md): the metrics a reviewer scores, the default form and the
// fixed questions. The checks an organizer's edited form passes are in form-parse.ts.

export type ScaleAnchor = { value: number; text: string };

export type ReviewMetric = {
  key: string;
  label: string;
  definition: string;
  scale: { min: number; max: number };
  anchors: ScaleAnchor[];
  rationale: { required: boolean; minLength: number };
};

export type ReviewForm = { metrics: ReviewMetric[] };

/** The 1–5 questions every review asks besides the form's metrics; their wording is fixed. */
export type FixedScale<K extends string> = {
  key: K;
  label: string;
  definition: string;
  scale: { min: 1; max: 5 };
  anchors: ScaleAnchor[];
};

// A function, not a shared object, so that editing one metric's scale cannot change another's.
const scored = () => ({ scale: { min: 1, max: 10 }, rationale: { required: true, minLength: 100 } });

export const DEFAULT_REVIEW_FORM: ReviewForm = {
  metrics: [
    {
      key: "novelty",
      label: "Novelty",
      definition:
        "How different is the idea from existing work; does it bring a fresh insight? Reviewers may search the literature; a low score should name the similar work.",
      ...scored(),
      anchors: [
        { value: 1, text: "identical ideas already exist" },
        { value: 3, text: "very similar ideas exist" },
        { value: 5, text: "some differences, not enough for a new paper" },
        { value: 6, text: "clear differences, probably enough for a paper" },
        { value: 8, text: "clearly novel" },
        { value: 10, text: "very novel in a clever, surprising way" },
      ],
    },
    {
      key: "excitement",
      label: "Excitement",
      definition: "If executed, how much would it matter to the field?",
      ...scored(),
      anchors: [
        { value: 1, text: "no real contribution" },
        { value: 3, text: "very incremental" },
        { value: 5, text: "some interest, not exciting" },
        { value: 6, text: "acceptable at a major venue, somewhat incremental" },
        { value: 8, text: "exciting, would move the area forward" },
        { value: 10, text: "transformative" },
      ],
    },
    {
      key: "feasibility",
      label: "Feasibility",
      definition:
        "Could a typical PhD student carry it out in one to two months, with ample LLM API budget but few GPUs? A low score should say what is hard.",
      ...scored(),
      anchors: [
        { value: 1, text: "impossible or incoherent" },
        { value: 3, text: "very hard, needs resources beyond an academic lab" },
        { value: 5, text: "doable with careful planning and some changes" },
        { value: 6, text: "feasible" },
        { value: 8, text: "straightforward" },
        { value: 10, text: "a few days" },
      ],
    },
    {
      key: "effectiveness",
      label: "Expected effectiveness",
      definition: "How likely is it to work, e.g. to beat the relevant baselines?",
      ...scored(),
      anchors: [
        { value: 1, text: "will not work" },
        { value: 3, text: "only in special cases" },
        { value: 5, text: "small chance of marginal gains" },
        { value: 6, text: "moderate gains on some benchmarks" },
        { value: 8, text: "significant gains" },
        { value: 10, text: "large gains on many benchmarks" },
      ],
    },
    {
      key: "overall",
      label: "Overall",
      definition: "Overall quality judged against acceptance at a major AI venue.",
      ...scored(),
      anchors: [
        { value: 1, text: "critically flawed" },
        { value: 2, text: "strong reject" },
        { value: 3, text: "clear reject" },
        { value: 4, text: "reject, but has merit" },
        { value: 5, text: "marginally below the bar" },
        { value: 6, text: "marginally above the bar" },
        { value: 7, text: "accept" },
        { value: 8, text: "clear accept, top half" },
        { value: 9, text: "strong accept, top 15%" },
        { value: 10, text: "top 5%, seminal" },
      ],
    },
  ],
};

export const CONFIDENCE_SCALE: FixedScale<"confidence"> = {
  key: "confidence",
  label: "Confidence",
  definition: "How confident are you in this review?",
  scale: { min: 1, max: 5 },
  anchors: [
    { value: 1, text: "educated guess" },
    { value: 2, text: "could defend it but may have missed central parts" },
    { value: 3, text: "fairly confident" },
    { value: 4, text: "confident, not certain" },
    { value: 5, text: "certain, knows the literature well" },
  ],
};

export const FAMILIARITY_SCALE: FixedScale<"familiarity"> = {
  key: "familiarity",
  label: "Familiarity with the topic",
  definition: "How familiar are you with the topic of this idea?",
  scale: { min: 1, max: 5 },
  anchors: [
    { value: 1, text: "never read on it" },
    { value: 2, text: "read at least one paper" },
    { value: 3, text: "read several, never published on it" },
    { value: 4, text: "co-authored a paper on it" },
    { value: 5, text: "several papers or a first-author paper on it" },
  ],
};

/** Metric keys become export columns beside these, so a metric may not take one of their names. */
export const RESERVED_KEYS: readonly string[] = [
  "review_id",
  "idea_code",
  "idea_id",
  "topic",
  "condition",
  "reviewer_id",
  "confidence",
  "familiarity",
  "minutes",
  "submitted_at",
  "active_seconds",
  "attested",
];

export function anchorFor(metric: Pick<ReviewMetric, "anchors">, value: number): string | null {
  return metric.anchors.find((a) => a.value === value)?.text ?? null;
}
