"use client";

import {
  createContext,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useTransition,
} from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult, FieldErrors } from "@/lib/errors";

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

const FormErrorsContext = createContext<FieldErrors>({});

/**
 * A form bound to a guarded server action. Submits through a transition rather than the form's
 * `action` prop so React does not clear what the person typed when the server refuses it.
 */
export function ActionForm<T>({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = "primary",
  resetOnSuccess = false,
  success,
  testId,
  className = "space-y-4",
  confirm,
  formId,
  disabledReason,
}: {
  action: Action<T>;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  resetOnSuccess?: boolean;
  success?: (data: T, message?: string) => ReactNode;
  testId?: string;
  className?: string;
  confirm?: string;
  /** Lets inputs elsewhere on the page join this form through their `form` attribute. */
  formId?: string;
  /** When set, the submit button is disabled and this says why (e.g. the phase forbids it). */
  disabledReason?: string | null;
}) {
  const [state, dispatch] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const reasonId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabledReason) return;
    if (confirm && !window.confirm(confirm)) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      dispatch(data);
    });
  }

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formLevel = fieldErrors._form;
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  return (
    <form ref={formRef} id={formId} onSubmit={onSubmit} className={className} data-testid={testId} noValidate>
      <FormErrorsContext.Provider value={fieldErrors}>{children}</FormErrorsContext.Provider>
      {state && !state.ok ? (
        <Alert tone="error" testId="form-error">
          {state.message}
          {formLevel ? ` ${formLevel.join(" ")}` : null}
        </Alert>
      ) : null}
      {state?.ok && success ? (
        <div data-testid="form-success">{success(state.data, state.message)}</div>
      ) : null}
      <Button
        type="submit"
        variant={variant}
        disabled={pending || !!disabledReason}
        aria-describedby={disabledReason ? `${reasonId}-reason` : undefined}
        data-testid={testId ? `${testId}-submit` : undefined}
      >
        {pending ? (pendingLabel ?? "Working…") : submitLabel}
      </Button>
      {disabledReason ? (
        <p
          id={`${reasonId}-reason`}
          className="text-xs text-[var(--foreground-soft)]"
          data-testid={testId ? `${testId}-disabled-reason` : undefined}
        >
          {disabledReason}
        </p>
      ) : null}
    </form>
  );
}

export function useFieldError(name: string): string[] | undefined {
  return useContext(FormErrorsContext)[name];
}

const inputClass =
  "block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-[var(--accent)] aria-[invalid=true]:border-red-600";

export function Field({
  label,
  name,
  hint,
  multiline,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  multiline?: boolean;
}) {
  const id = useId();
  const errors = useFieldError(name);
  const describedBy =
    [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={4}
          className={inputClass}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
          defaultValue={props.defaultValue as string | undefined}
          required={props.required}
          maxLength={props.maxLength}
          data-testid={`field-${name}`}
        />
      ) : (
        <input
          id={id}
          name={name}
          className={inputClass}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
          data-testid={`field-${name}`}
          {...props}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-[var(--foreground-soft)]">
          {hint}
        </p>
      ) : null}
      {errors ? (
        <p
          id={`${id}-error`}
          className="text-xs text-red-700 dark:text-red-400"
          data-testid={`error-${name}`}
        >
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FieldErrorText({ name }: { name: string }) {
  const errors = useFieldError(name);
  return errors ? (
    <p className="text-xs text-red-700 dark:text-red-400" data-testid={`error-${name}`}>
      {errors.join(" ")}
    </p>
  ) : null;
}
