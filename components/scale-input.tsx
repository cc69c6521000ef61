"use client";

import type { ScaleAnchor } from "@/lib/reviews/form";

// One point of a numeric scale per radio button, with the anchor texts underneath: the review form's
// metrics, confidence and familiarity. Test ids: scale-<name>, option-<name>-<v>, <name>-<v>,
// anchors-<name>, error-<name>.

/** A numeric scale (min..max) as a row of radio buttons, with its definition and anchors. */
export function ScaleInput({
  name,
  label,
  definition,
  min,
  max,
  anchors,
  value,
  onChange,
  error,
  disabled,
}: {
  name: string;
  label: string;
  definition: string;
  min: number;
  max: number;
  anchors: ScaleAnchor[];
  value: number | null;
  onChange: (v: number) => void;
  error?: string;
  disabled: boolean;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className="space-y-2" data-testid={`scale-${name}`} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold">{label}</legend>
      {definition ? <p className="text-xs text-[var(--foreground-soft)]">{definition}</p> : null}
      <div className="flex flex-wrap gap-1" role="radiogroup" aria-label={label}>
        {values.map((v) => (
          <label
            key={v}
            data-testid={`option-${name}-${v}`}
            className={`flex min-w-9 cursor-pointer items-center justify-center rounded border px-2 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--accent)] ${value === v ? "border-[var(--accent)] bg-[var(--accent)] text-white" : "border-[var(--border)]"}`}
          >
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              disabled={disabled}
              className="sr-only"
              data-testid={`${name}-${v}`}
            />
            {v}
          </label>
        ))}
      </div>
      {anchors.length > 0 ? (
        <ul
          className="grid gap-x-4 text-xs text-[var(--foreground-soft)] sm:grid-cols-2"
          data-testid={`anchors-${name}`}
        >
          {anchors.map((a) => (
            <li key={a.value} className={value === a.value ? "font-semibold text-[var(--foreground)]" : ""}>
              <span className="font-mono">{a.value}</span> {a.text}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="text-xs text-red-700 dark:text-red-400" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
