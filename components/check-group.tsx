"use client";

import type { ReactNode } from "react";
import { FieldErrorText } from "@/components/action-form";

// Checkbox groups and single checkboxes inside an ActionForm. A group posts `name[]` (one value per
// ticked box), which formDataToObject turns into an array under `name`.

export type CheckOption = { value: string; label: string; description?: string };

/** A fieldset of checkboxes, one per option, with the form's error for `name` underneath. */
export function CheckGroup({
  legend,
  hint,
  name,
  options,
  checked,
  testId,
  layout = "inline",
}: {
  legend: string;
  hint?: string;
  name: string;
  options: CheckOption[];
  checked: readonly string[];
  /** Test id of one box; `<name>-<label>` unless given. */
  testId?: (option: CheckOption) => string;
  /** "inline" wraps short labels in a row; "stacked" gives each option (and its description) a line. */
  layout?: "inline" | "stacked";
}) {
  const boxes = options.map((o) => (
    <label
      key={o.value}
      className={layout === "inline" ? "flex items-center gap-2 text-sm" : "flex items-start gap-2 text-sm"}
    >
      <input
        type="checkbox"
        name={`${name}[]`}
        value={o.value}
        defaultChecked={checked.includes(o.value)}
        data-testid={testId ? testId(o) : `${name}-${o.label}`}
        className={layout === "stacked" ? "mt-1" : undefined}
      />
      {o.description ? (
        <span>
          {o.label}
          <span className="text-[var(--foreground-soft)]"> — {o.description}</span>
        </span>
      ) : (
        o.label
      )}
    </label>
  ));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-[var(--foreground-soft)]">{hint}</p> : null}
      {layout === "inline" ? <div className="flex flex-wrap gap-x-4 gap-y-1">{boxes}</div> : boxes}
      <FieldErrorText name={name} />
    </fieldset>
  );
}

/** One checkbox with its statement beside it (test id `field-<name>`), and the form's error for it. */
export function CheckboxField({
  name,
  defaultChecked,
  children,
}: {
  name: string;
  defaultChecked: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          className="mt-1"
          data-testid={`field-${name}`}
        />
        {children}
      </label>
      <FieldErrorText name={name} />
    </div>
  );
}
