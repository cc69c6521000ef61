"use client";

import { type FormEvent, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { DEFAULT_REVIEW_FORM, type ReviewForm } from "@/lib/reviews/form";
import { parseReviewForm } from "@/lib/reviews/form-parse";
import { saveReviewFormAction } from "../actions";
import { MetricCard } from "./metric-card";
import { blankDraft, draftToMetric, type MetricDraft, newRowId, toDraft } from "./metric-draft";

type Result = ActionResult<{ form: ReviewForm }>;

/** Edits the scored metrics and saves the whole form at once; the server checks it again. */
export function ReviewFormEditor({
  studyId,
  initialForm,
  locked,
}: {
  studyId: string;
  initialForm: ReviewForm;
  locked: boolean;
}) {
  const [drafts, setDrafts] = useState<MetricDraft[]>(() => initialForm.metrics.map(toDraft));
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // Reordering or removing a card moves the focused button out of the DOM; put focus back on the
  // same control of the card it now belongs to, so keyboard users keep their place.
  function update(next: (ds: MetricDraft[]) => MetricDraft[], focus?: { index: number; selector: string }) {
    const apply = () => {
      setDrafts(next);
      setResult((r) => (r?.ok ? null : r));
    };
    if (!focus) return apply();
    // Rendered now rather than later, so the control to focus exists.
    flushSync(apply);
    const card = listRef.current?.children[focus.index];
    const wanted = card?.querySelector<HTMLButtonElement>(focus.selector);
    const target = wanted && !wanted.disabled ? wanted : card?.querySelector<HTMLElement>("button:enabled");
    (target ?? formRef.current?.querySelector<HTMLElement>('[data-testid="add-metric"]'))?.focus();
  }

  function move(i: number, d: -1 | 1) {
    update(
      (ds) => {
        const next = [...ds];
        const [row] = next.splice(i, 1);
        if (row === undefined) return ds;
        next.splice(i + d, 0, row);
        return next;
      },
      { index: i + d, selector: `[data-move="${d < 0 ? "up" : "down"}"]` },
    );
  }

  function remove(i: number) {
    update((ds) => ds.filter((_, j) => j !== i), {
      index: Math.min(i, drafts.length - 2),
      selector: '[data-testid="remove-metric"]',
    });
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = drafts;
    const built = sent.map((d, i) => draftToMetric(d, i + 1));
    const form = { metrics: built.map((b) => b.metric) };
    const lineErrors = built.flatMap((b) => b.errors);
    const [firstLineError] = lineErrors;
    if (firstLineError !== undefined) {
      // Anchor lines are only text until parsed here; report them with the rest of the form's
      // problems (same checks as the server's) so the organizer does not fix things in rounds.
      const rest = parseReviewForm(form);
      setResult({
        ok: false,
        error: "invalid:review_form",
        message: firstLineError,
        fieldErrors: { form: [...lineErrors, ...(rest.ok ? [] : rest.errors)] },
      });
      return;
    }
    setPending(true);
    const res = await saveReviewFormAction({ studyId, form }).catch(
      (): Result => ({ ok: false, error: "internal:network", message: "Could not reach the server." }),
    );
    if (res.ok) {
      const saved = res.data.form.metrics;
      // Only when nothing was typed while saving, so no edit is overwritten.
      setDrafts((ds) =>
        ds === sent ? saved.map((m, i) => ({ ...toDraft(m), rid: ds[i]?.rid ?? newRowId() })) : ds,
      );
    }
    setResult(res);
    setPending(false);
  }

  const messages = result && !result.ok ? [...new Set(result.fieldErrors?.form ?? [result.message])] : [];

  return (
    <form ref={formRef} onSubmit={onSave} noValidate className="space-y-4" data-testid="review-form-editor">
      <ol ref={listRef} className="space-y-4">
        {drafts.map((d, i) => (
          <MetricCard
            key={d.rid}
            draft={d}
            index={i}
            count={drafts.length}
            locked={locked}
            onChange={(patch) => update((ds) => ds.map((x) => (x.rid === d.rid ? { ...x, ...patch } : x)))}
            onMove={(delta) => move(i, delta)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      {drafts.length === 0 ? (
        <p className="text-sm text-[var(--foreground-soft)]">
          No metrics. Add one, or reset to the default form; a form needs at least one metric.
        </p>
      ) : null}
      {locked ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            onClick={() => update((ds) => [...ds, blankDraft()], { index: drafts.length, selector: "input" })}
            data-testid="add-metric"
          >
            Add metric
          </Button>
          <Button
            variant="secondary"
            onClick={() => update(() => DEFAULT_REVIEW_FORM.metrics.map(toDraft))}
            data-testid="reset-review-form"
          >
            Reset to default form
          </Button>
          <Button type="submit" disabled={pending} data-testid="save-review-form">
            {pending ? "Saving…" : "Save form"}
          </Button>
          <span className="text-xs text-[var(--foreground-soft)]">Changes apply only when you save.</span>
        </div>
      )}
      {messages.length > 0 ? (
        <Alert tone="error" testId="form-error">
          {messages.length === 1 ? (
            messages[0]
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Alert tone="success" testId="form-success">
          Saved.
        </Alert>
      ) : null}
    </form>
  );
}
