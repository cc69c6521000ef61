import { at } from "@/lib/assert";
import type { ReviewMetric, ScaleAnchor } from "@/lib/reviews/form";

// A metric as the editor holds it: inputs keep what was typed (numbers as text, anchors as lines)
// so that a half-typed value is not lost; it becomes a ReviewMetric only on save.

export type MetricDraft = {
  rid: string;
  key: string;
  label: string;
  definition: string;
  min: string;
  max: string;
  anchors: string;
  required: boolean;
  minLength: string;
};

export const newRowId = () => crypto.randomUUID();

export function toDraft(m: ReviewMetric): MetricDraft {
  return {
    rid: newRowId(),
    key: m.key,
    label: m.label,
    definition: m.definition,
    min: String(m.scale.min),
    max: String(m.scale.max),
    anchors: m.anchors.map((a) => `${a.value}: ${a.text}`).join("\n"),
    required: m.rationale.required,
    minLength: String(m.rationale.minLength),
  };
}

export function blankDraft(): MetricDraft {
  return {
    rid: newRowId(),
    key: "",
    label: "",
    definition: "",
    min: "1",
    max: "10",
    anchors: "",
    required: true,
    minLength: "100",
  };
}

const ANCHOR_LINE = /^(-?\d+)\s*:\s*(.*)$/;

/** Lines that are not `N: text` are left out of `anchors` and reported, numbered as the organizer sees them. */
export function parseAnchorLines(text: string, prefix: string): { anchors: ScaleAnchor[]; errors: string[] } {
  const anchors: ScaleAnchor[] = [];
  const errors: string[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const match = ANCHOR_LINE.exec(line);
    if (match) anchors.push({ value: Number(at(match, 1)), text: at(match, 2).trim() });
    else
      errors.push(
        `${prefix}anchor line ${i + 1} ("${line}") is not written as "N: text", e.g. "3: very incremental".`,
      );
  });
  return { anchors, errors };
}

const toNumber = (s: string) => (s.trim() === "" ? null : Number(s));

/**
 * The exact shape parseReviewForm accepts (it refuses unknown fields). Empty number inputs are sent
 * as null so the server's message ("must be a whole number …") names the field.
 */
export function draftToMetric(d: MetricDraft, n: number): { metric: unknown; errors: string[] } {
  const key = d.key.trim();
  const { anchors, errors } = parseAnchorLines(d.anchors, key ? `Metric ${n} ("${key}"): ` : `Metric ${n}: `);
  return {
    metric: {
      key: d.key,
      label: d.label,
      definition: d.definition,
      scale: { min: toNumber(d.min), max: toNumber(d.max) },
      anchors,
      rationale: { required: d.required, minLength: toNumber(d.minLength) },
    },
    errors,
  };
}
