import { z } from "zod";
import { formatCount } from "@/lib/format";
import { CONFIDENCE_SCALE, FAMILIARITY_SCALE, type ReviewForm } from "./form";

// A reviewer's answers to a review form, and the checks they pass on the client and the server.

export type ReviewAnswers = {
  scores: Record<string, number | null>;
  rationales: Record<string, string>;
  confidence: number | null;
  familiarity: number | null;
  minutes: number | null;
  attested: boolean;
};

/** Field name → message; names are `score.<key>`, `rationale.<key>`, `confidence`, `familiarity`, `minutes`, `attested`, and `form` when the answers are not an object at all. */
export type AnswerErrors = Record<string, string>;

/** Hard cap per rationale, whatever the form says: protects the server from oversized input. */
export const RATIONALE_CHAR_CAP = 20_000;
export const MINUTES_MAX = 10_000;

// Only the containers are checked here; values stay unknown so that each bad value gets its
// field's own message below instead of zod's.
const answersShape = z.object({
  scores: z.record(z.string(), z.unknown()).optional(),
  rationales: z.record(z.string(), z.unknown()).optional(),
  confidence: z.unknown().optional(),
  familiarity: z.unknown().optional(),
  minutes: z.unknown().optional(),
  attested: z.unknown().optional(),
});

export function emptyAnswers(form: ReviewForm): ReviewAnswers {
  return {
    scores: Object.fromEntries(form.metrics.map((m) => [m.key, null])),
    rationales: Object.fromEntries(form.metrics.map((m) => [m.key, ""])),
    confidence: null,
    familiarity: null,
    minutes: null,
    attested: false,
  };
}

/**
 * Characters as the validator counts them: code points (an emoji is one), after trimming, with
 * Windows line endings counted as one, so the live counter and the server always agree.
 */
export function rationaleLength(text: string): number {
  return [...normalizeLineEndings(text).trim()].length;
}

function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const isInteger = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
// Own properties only: a metric may legally be keyed "constructor", which every object inherits.
const read = (record: Record<string, unknown> | undefined, key: string): unknown =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Checks answers against a form. A draft may be incomplete (only types and ranges are checked);
 * submission also needs every score, confidence, familiarity, minutes, each required rationale at
 * its minimum length, and the attestation where the study asks for one. On failure the answers are
 * still returned, cleaned to the right types, so the form can be shown again as the reviewer left it.
 */
export function validateAnswers(
  form: ReviewForm,
  answers: unknown,
  options: { mode: "draft" | "submit"; attestationRequired: boolean },
): { ok: true; answers: ReviewAnswers } | { ok: false; errors: AnswerErrors; answers: ReviewAnswers | null } {
  const shape = answersShape.safeParse(answers);
  if (!shape.success) {
    return {
      ok: false,
      errors: { form: "The review could not be read; reload the page and try again." },
      answers: null,
    };
  }
  const raw = shape.data;
  const submit = options.mode === "submit";
  const errors: AnswerErrors = {};
  const out = emptyAnswers(form);
  // Numbers only: a string of digits means a client bug, and silently coercing it would hide one.
  const keepNumber = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

  const metricKeys = new Set(form.metrics.map((m) => m.key));
  for (const [prefix, record] of [
    ["score", raw.scores],
    ["rationale", raw.rationales],
  ] as const) {
    for (const key of Object.keys(record ?? {})) {
      if (!metricKeys.has(key)) errors[`${prefix}.${key}`] = `${key} is not a metric of this form.`;
    }
  }

  for (const m of form.metrics) {
    const score = read(raw.scores, m.key) ?? null;
    out.scores[m.key] = keepNumber(score);
    const inScale = isInteger(score) && score >= m.scale.min && score <= m.scale.max;
    if (score === null ? submit : !inScale) {
      errors[`score.${m.key}`] = `${m.label}: choose a score from ${m.scale.min} to ${m.scale.max}.`;
    }

    const rationale = read(raw.rationales, m.key) ?? "";
    if (typeof rationale !== "string") {
      errors[`rationale.${m.key}`] = `${m.label} rationale: must be text.`;
      continue;
    }
    const text = normalizeLineEndings(rationale);
    out.rationales[m.key] = text;
    const total = [...text].length;
    const length = rationaleLength(text);
    // A required rationale needs some text even where the organizer set no minimum length.
    const minimum = m.rationale.required ? Math.max(m.rationale.minLength, 1) : 0;
    if (total > RATIONALE_CHAR_CAP) {
      errors[`rationale.${m.key}`] =
        `${m.label} rationale: use at most ${formatCount(RATIONALE_CHAR_CAP)} characters (you have ${formatCount(total)}).`;
    } else if (submit && length < minimum) {
      errors[`rationale.${m.key}`] =
        minimum === 1
          ? `${m.label} rationale: write a rationale.`
          : `${m.label} rationale: write at least ${minimum} characters (you have ${length}).`;
    }
  }

  for (const scale of [CONFIDENCE_SCALE, FAMILIARITY_SCALE]) {
    const value = raw[scale.key] ?? null;
    out[scale.key] = keepNumber(value);
    const inScale = isInteger(value) && value >= scale.scale.min && value <= scale.scale.max;
    if (value === null ? submit : !inScale) {
      errors[scale.key] = `${scale.label}: choose ${scale.scale.min} to ${scale.scale.max}.`;
    }
  }

  const minutes = raw.minutes ?? null;
  out.minutes = keepNumber(minutes);
  if (minutes === null ? submit : !(isInteger(minutes) && minutes >= 0 && minutes <= MINUTES_MAX)) {
    errors.minutes = `Minutes spent: enter a whole number from 0 to ${MINUTES_MAX}.`;
  }

  const attested = raw.attested ?? false;
  if (typeof attested !== "boolean") errors.attested = "The attestation must be ticked or not ticked.";
  else {
    out.attested = attested;
    if (submit && options.attestationRequired && !attested)
      errors.attested = "Tick the attestation to submit.";
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors, answers: out } : { ok: true, answers: out };
}
