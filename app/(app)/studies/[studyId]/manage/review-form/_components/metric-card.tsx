import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { MetricDraft } from "./metric-draft";
import { parseAnchorLines } from "./metric-draft";
import { MetricPreview } from "./metric-preview";

const inputClass =
  "block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-[var(--accent)] disabled:opacity-70";
const labelClass = "block text-xs font-medium";
const hintClass = "text-xs text-[var(--foreground-soft)]";

type Patch = Partial<Omit<MetricDraft, "rid">>;

export function MetricCard({
  draft,
  index,
  count,
  locked,
  onChange,
  onMove,
  onRemove,
}: {
  draft: MetricDraft;
  index: number;
  count: number;
  locked: boolean;
  onChange: (patch: Patch) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  const name = draft.label.trim() || draft.key.trim() || "new metric";
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  const preview = {
    label: draft.label,
    definition: draft.definition,
    scale: { min: num(draft.min), max: num(draft.max) },
    anchors: parseAnchorLines(draft.anchors, "").anchors,
    rationale: { required: draft.required, minLength: num(draft.minLength) || 0 },
  };
  const input = (field: "key" | "label" | "min" | "max" | "minLength", label: string, testId: string) => (
    <TextInput
      id={`${id}-${field}`}
      label={label}
      type={field === "key" || field === "label" ? "text" : "number"}
      value={draft[field]}
      disabled={locked}
      onChange={(value) => onChange({ [field]: value })}
      testId={testId}
    />
  );

  return (
    <li className="rounded-lg border border-[var(--border)] p-4" data-testid="metric-card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Metric {n}: {name}
        </h3>
        {locked ? null : (
          <div className="flex gap-1">
            <Button
              variant="ghost"
              aria-label={`Move metric ${n} (${name}) up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
              data-move="up"
              data-testid="move-metric-up"
            >
              ↑
            </Button>
            <Button
              variant="ghost"
              aria-label={`Move metric ${n} (${name}) down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              data-move="down"
              data-testid="move-metric-down"
            >
              ↓
            </Button>
            <Button variant="ghost" onClick={onRemove} data-testid="remove-metric">
              Remove
              <span className="sr-only">
                {" "}
                metric {n} ({name})
              </span>
            </Button>
          </div>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {input("key", "Key (export column)", "metric-key")}
            {input("label", "Label", "metric-label")}
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-definition`} className={labelClass}>
              Definition
            </label>
            <textarea
              id={`${id}-definition`}
              rows={3}
              value={draft.definition}
              disabled={locked}
              onChange={(e) => onChange({ definition: e.target.value })}
              className={inputClass}
              data-testid="metric-definition"
            />
          </div>
          <div className="grid grid-cols-2 gap-3">
            {input("min", "Scale minimum", "metric-min")}
            {input("max", "Scale maximum", "metric-max")}
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-anchors`} className={labelClass}>
              Anchors
            </label>
            <textarea
              id={`${id}-anchors`}
              rows={Math.min(Math.max(draft.anchors.split("\n").length, 3), 10)}
              value={draft.anchors}
              disabled={locked}
              onChange={(e) => onChange({ anchors: e.target.value })}
              className={`${inputClass} font-mono`}
              aria-describedby={`${id}-anchors-hint`}
              data-testid="metric-anchors"
            />
            <p id={`${id}-anchors-hint`} className={hintClass}>
              One per line, written as <code>N: text</code>, e.g. <code>3: very incremental</code>. Points
              without an anchor show only their number.
            </p>
          </div>
          <div className="flex flex-wrap items-end gap-4">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={draft.required}
                disabled={locked}
                onChange={(e) => onChange({ required: e.target.checked })}
                data-testid="metric-rationale-required"
              />
              Rationale required
            </label>
            <div className="w-48">
              {input("minLength", "Rationale minimum length (characters)", "metric-rationale-min")}
            </div>
          </div>
        </div>
        <div className="rounded-md bg-[var(--muted)] p-3">
          <p className="mb-2 text-xs uppercase text-[var(--foreground-soft)]">Reviewer sees</p>
          <MetricPreview metric={preview} testId="metric-preview" />
        </div>
      </div>
    </li>
  );
}

function TextInput({
  id,
  label,
  type,
  value,
  disabled,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  type: "text" | "number";
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        step={type === "number" ? 1 : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        data-testid={testId}
      />
    </div>
  );
}
