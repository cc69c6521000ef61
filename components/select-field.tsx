"use client";

import type { ReactNode } from "react";
import { useId } from "react";
import { FieldErrorText, useFieldError } from "@/components/action-form";

// A labelled <select> inside an ActionForm, with the form's error for its name underneath. The
// assignment, reassignment and arena setup forms each had their own copy and their own class string.

export const selectClass =
  "block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-[var(--accent)] aria-[invalid=true]:border-red-600";

export type SelectOption = { value: string; label: string };

export function SelectField({
  label,
  name,
  options,
  placeholder,
  placeholderDisabled = false,
  defaultValue = "",
  testId = `field-${name}`,
  children,
}: {
  label: string;
  name: string;
  options: SelectOption[];
  /** A first, empty choice ("Choose…"); without it the first option is preselected. */
  placeholder?: string;
  /** The empty choice only prompts: it cannot be chosen again once something is. */
  placeholderDisabled?: boolean;
  defaultValue?: string;
  testId?: string;
  /** Shown between the select and its error, e.g. what each option means. */
  children?: ReactNode;
}) {
  const id = useId();
  const errors = useFieldError(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        className={selectClass}
        aria-invalid={errors ? true : undefined}
        data-testid={testId}
      >
        {placeholder !== undefined ? (
          <option value="" disabled={placeholderDisabled}>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
      <FieldErrorText name={name} />
    </div>
  );
}
