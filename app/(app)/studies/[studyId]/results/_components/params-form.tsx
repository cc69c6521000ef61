import { buttonClass } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/errors";
import { CORRECTION_NAMES } from "./summary-lines";

const selectClass =
  "rounded-md border border-[var(--border)] bg-[var(--background)] px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-[var(--accent)]";

function Choice({
  label,
  name,
  value,
  options,
  errors,
}: {
  label: string;
  name: string;
  value: string;
  options: [value: string, label: string][];
  errors?: string[];
}) {
  const known = options.some(([v]) => v === value);
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select
        name={name}
        defaultValue={known ? value : options[0]?.[0]}
        className={selectClass}
        data-testid={`param-${name}`}
        aria-invalid={errors ? true : undefined}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {errors ? (
        <span className="text-xs font-normal text-red-700 dark:text-red-400" data-testid={`error-${name}`}>
          {errors.join(" ")}
        </span>
      ) : null}
    </label>
  );
}

/** A plain GET form: the parameters live in the URL, so a view can be bookmarked and shared. */
export function ParamsForm({
  conditions,
  values,
  metric,
  errors = {},
}: {
  conditions: string[];
  values: { baseline: string; correction: string; family: string };
  metric?: string;
  errors?: FieldErrors;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-4" data-testid="results-params">
      <Choice
        label="Baseline"
        name="baseline"
        value={values.baseline}
        options={conditions.map((c) => [c, c])}
        errors={errors.baseline}
      />
      <Choice
        label="Correction"
        name="correction"
        value={values.correction}
        options={Object.entries(CORRECTION_NAMES)}
        errors={errors.correction}
      />
      <Choice
        label="Family"
        name="family"
        value={values.family}
        options={[
          ["comparison", "All metrics of one unit and comparison"],
          ["unit", "All tests of the unit"],
        ]}
        errors={errors.family}
      />
      {metric ? <input type="hidden" name="metric" value={metric} /> : null}
      <button type="submit" className={buttonClass("secondary")} data-testid="results-params-submit">
        Compute
      </button>
    </form>
  );
}
