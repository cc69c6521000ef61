import { z } from "zod";
import { formatCount } from "@/lib/format";
import { RESERVED_KEYS, type ReviewForm, type ReviewMetric, type ScaleAnchor } from "./form";

// The checks an organizer's edited review form passes, on the client and the server, with a message
// per problem that names the metric; and the form as the organizer edits it, as text.

const reserved = new Set(RESERVED_KEYS);
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_METRICS = 20;
const LABEL_MAX = 80;
const DEFINITION_MAX = 2000;
const ANCHOR_TEXT_MAX = 300;
const SCALE_BOUND = 1000;
const SCALE_SPAN_MAX = 100;
const MIN_LENGTH_MAX = 5000;
const METRIC_FIELDS = ["key", "label", "definition", "scale", "anchors", "rationale"];

export type ParseResult = { ok: true; form: ReviewForm } | { ok: false; errors: string[] };

/** Code points, as a person counts characters (an emoji is one), and as the answer checks count. */
const charCount = (s: string) => [...s].length;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isIntegerIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const unknownFields = (obj: Record<string, unknown>, known: string[]) =>
  Object.keys(obj).filter((k) => !known.includes(k));

/**
 * Checks an organizer's form. Hand-written rather than a zod schema because every message names
 * the metric by number and key and often a sibling value (the scale, an anchor's value), and zod
 * skips object-level checks after a type error, so the organizer would see the errors in rounds.
 */
export function parseReviewForm(input: unknown): ParseResult {
  if (!isRecord(input)) return { ok: false, errors: ['The form must be an object with a "metrics" list.'] };
  const errors = unknownFields(input, ["metrics"]).map((k) => `The form has an unknown field "${k}".`);
  const raw = input.metrics;
  if (!Array.isArray(raw)) return { ok: false, errors: [...errors, 'The form needs a "metrics" list.'] };
  if (raw.length === 0) errors.push("The form needs at least one metric.");
  if (raw.length > MAX_METRICS)
    errors.push(`The form has ${raw.length} metrics; use at most ${MAX_METRICS}.`);

  const keyCounts = new Map<string, number>();
  for (const m of raw) {
    const key = isRecord(m) && typeof m.key === "string" ? m.key.trim() : null;
    if (key !== null) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const reported = new Set<string>();
  const metrics: ReviewMetric[] = [];
  raw.forEach((m, i) => {
    const parsed = parseMetric(m, i + 1);
    const { key } = parsed;
    // Reported once, at the second use, with the full count, rather than once per repeat.
    if (key !== null && seen.has(key) && !reported.has(key)) {
      const count = keyCounts.get(key) ?? 0;
      errors.push(`Metric ${i + 1}: key "${key}" is used ${count === 2 ? "twice" : `${count} times`}.`);
      reported.add(key);
    }
    if (key !== null) seen.add(key);
    errors.push(...parsed.errors);
    if (parsed.metric) metrics.push(parsed.metric);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, form: { metrics } };
}

function parseMetric(
  raw: unknown,
  n: number,
): { metric: ReviewMetric | null; key: string | null; errors: string[] } {
  if (!isRecord(raw)) {
    return {
      metric: null,
      key: null,
      errors: [`Metric ${n} must be an object with a key, a label and a scale.`],
    };
  }
  const errors: string[] = [];
  const key = parseKey(raw.key, n, errors);
  // Other messages name the metric by its key too, once the key is readable.
  const p = key !== null ? `Metric ${n} ("${key}"): ` : `Metric ${n}: `;
  for (const f of unknownFields(raw, METRIC_FIELDS)) {
    errors.push(`${p}unknown field "${f}" (the fields are ${METRIC_FIELDS.join(", ")}).`);
  }
  const label = parseText(raw.label, { what: "the label", min: 1, max: LABEL_MAX }, p, errors);
  const definition = parseText(
    raw.definition ?? "",
    { what: "the definition", min: 0, max: DEFINITION_MAX },
    p,
    errors,
  );
  const scale = parseScale(raw.scale, p, errors);
  const anchors = parseAnchors(raw.anchors ?? [], scale, p, errors);
  const rationale = parseRationale(raw.rationale ?? { required: false, minLength: 0 }, p, errors);
  const metric =
    errors.length === 0 &&
    key !== null &&
    label !== null &&
    definition !== null &&
    scale &&
    anchors &&
    rationale
      ? { key, label, definition, scale, anchors, rationale }
      : null;
  return { metric, key, errors };
}

/** Returns the key when it is well-formed (even if reserved), so later messages can name the metric. */
function parseKey(raw: unknown, n: number, errors: string[]): string | null {
  if (typeof raw !== "string") {
    errors.push(`Metric ${n}: the key must be a text such as "clarity".`);
    return null;
  }
  const key = raw.trim();
  if (!KEY_PATTERN.test(key)) {
    errors.push(
      `Metric ${n}: key "${key}" must start with a lower-case letter and use only a–z, 0–9 and _ (at most 40 characters).`,
    );
    return null;
  }
  if (reserved.has(key)) errors.push(`Metric ${n}: key "${key}" is reserved.`);
  else if (key.endsWith("_rationale")) {
    errors.push(`Metric ${n}: key "${key}" is reserved (a key may not end in "_rationale").`);
  }
  return key;
}

function parseText(
  raw: unknown,
  { what, min, max }: { what: string; min: number; max: number },
  p: string,
  errors: string[],
): string | null {
  if (typeof raw !== "string") {
    errors.push(`${p}${what} must be text.`);
    return null;
  }
  const text = raw.trim();
  if (charCount(text) < min) errors.push(`${p}${what} is empty.`);
  else if (charCount(text) > max) {
    errors.push(
      `${p}${what} has ${formatCount(charCount(text))} characters; use at most ${formatCount(max)}.`,
    );
  } else return text;
  return null;
}

function parseScale(raw: unknown, p: string, errors: string[]): ReviewMetric["scale"] | null {
  if (!isRecord(raw)) {
    errors.push(`${p}the scale must be an object with "min" and "max".`);
    return null;
  }
  const before = errors.length;
  for (const f of unknownFields(raw, ["min", "max"]))
    errors.push(`${p}the scale has an unknown field "${f}".`);
  const { min, max } = raw;
  const range = `a whole number from ${formatCount(-SCALE_BOUND)} to ${formatCount(SCALE_BOUND)}`;
  if (!isIntegerIn(min, -SCALE_BOUND, SCALE_BOUND)) errors.push(`${p}the scale minimum must be ${range}.`);
  if (!isIntegerIn(max, -SCALE_BOUND, SCALE_BOUND)) errors.push(`${p}the scale maximum must be ${range}.`);
  if (errors.length > before) return null;
  const [lo, hi] = [min as number, max as number];
  if (lo >= hi) errors.push(`${p}the scale minimum (${lo}) must be below the maximum (${hi}).`);
  else if (hi - lo > SCALE_SPAN_MAX) {
    errors.push(
      `${p}the scale ${lo}–${hi} is too wide; its maximum may exceed its minimum by at most ${SCALE_SPAN_MAX}.`,
    );
  }
  return errors.length > before ? null : { min: lo, max: hi };
}

function parseAnchors(
  raw: unknown,
  scale: ReviewMetric["scale"] | null,
  p: string,
  errors: string[],
): ScaleAnchor[] | null {
  if (!Array.isArray(raw)) {
    errors.push(`${p}the anchors must be a list.`);
    return null;
  }
  const before = errors.length;
  const anchors: ScaleAnchor[] = [];
  const values = new Set<number>();
  raw.forEach((a, j) => {
    if (!isRecord(a)) {
      errors.push(`${p}anchor ${j + 1} must be an object with "value" and "text".`);
      return;
    }
    for (const f of unknownFields(a, ["value", "text"])) {
      errors.push(`${p}anchor ${j + 1} has an unknown field "${f}".`);
    }
    const value = a.value;
    let name = `anchor ${j + 1}`;
    if (typeof value !== "number" || !Number.isInteger(value)) {
      errors.push(`${p}the value of anchor ${j + 1} must be a whole number.`);
    } else {
      name = `the anchor for ${value}`;
      if (values.has(value)) errors.push(`${p}there are two anchors for ${value}.`);
      values.add(value);
      // Without a valid scale there is nothing to compare against; the scale has its own message.
      if (scale && (value < scale.min || value > scale.max)) {
        errors.push(`${p}the anchor for ${value} is outside the scale ${scale.min}–${scale.max}.`);
      }
    }
    const text = typeof a.text === "string" ? a.text.trim() : "";
    if (text === "") errors.push(`${p}${name} needs a text.`);
    else if (charCount(text) > ANCHOR_TEXT_MAX) {
      errors.push(
        `${p}the text of ${name} has ${formatCount(charCount(text))} characters; use at most ${ANCHOR_TEXT_MAX}.`,
      );
    }
    anchors.push({ value: value as number, text });
  });
  if (errors.length > before) return null;
  return anchors.sort((x, y) => x.value - y.value);
}

function parseRationale(raw: unknown, p: string, errors: string[]): ReviewMetric["rationale"] | null {
  if (!isRecord(raw)) {
    errors.push(`${p}the rationale must be an object with "required" and "minLength".`);
    return null;
  }
  const before = errors.length;
  for (const f of unknownFields(raw, ["required", "minLength"])) {
    errors.push(`${p}the rationale has an unknown field "${f}".`);
  }
  const { required, minLength } = raw;
  if (typeof required !== "boolean") errors.push(`${p}the rationale's "required" must be true or false.`);
  if (!isIntegerIn(minLength, 0, MIN_LENGTH_MAX)) {
    errors.push(
      `${p}the rationale's "minLength" must be a whole number from 0 to ${formatCount(MIN_LENGTH_MAX)}.`,
    );
  }
  return errors.length > before ? null : { required: required as boolean, minLength: minLength as number };
}

/** For server actions that take a form: the same checks and messages, as a zod schema. */
export const reviewFormSchema = z.unknown().transform((input, ctx): ReviewForm => {
  const parsed = parseReviewForm(input);
  if (parsed.ok) return parsed.form;
  for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
  return z.NEVER;
});

/**
 * The form as the organizer edits it: pretty JSON, fields in a fixed order, and each anchor, scale
 * and rationale on one line so a ten-anchor metric still fits on a screen.
 */
export function formToText(form: ReviewForm): string {
  const ordered = {
    metrics: form.metrics.map((m) => ({
      key: m.key,
      label: m.label,
      definition: m.definition,
      scale: { min: m.scale.min, max: m.scale.max },
      anchors: m.anchors.map((a) => ({ value: a.value, text: a.text })),
      rationale: { required: m.rationale.required, minLength: m.rationale.minLength },
    })),
  };
  // JSON escapes newlines and quotes inside strings, so these patterns only ever match whole objects.
  const str = String.raw`"(?:[^"\\]|\\.)*"`;
  return JSON.stringify(ordered, null, 2)
    .replace(
      new RegExp(String.raw`\{\n\s*"value": (-?\d+),\n\s*"text": (${str})\n\s*\}`, "g"),
      '{ "value": $1, "text": $2 }',
    )
    .replace(/\{\n\s*"min": (-?\d+),\n\s*"max": (-?\d+)\n\s*\}/g, '{ "min": $1, "max": $2 }')
    .replace(
      /\{\n\s*"required": (true|false),\n\s*"minLength": (\d+)\n\s*\}/g,
      '{ "required": $1, "minLength": $2 }',
    );
}

export function formFromText(text: string): ParseResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`The form is not valid JSON: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  return parseReviewForm(input);
}
