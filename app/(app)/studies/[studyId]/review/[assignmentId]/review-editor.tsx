"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ScaleInput } from "@/components/scale-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { useAutosave, useProblemMessage } from "@/components/use-autosave";
import type { SaveOutcome } from "@/lib/autosave";
import { emptyAnswers, type ReviewAnswers, rationaleLength, validateAnswers } from "@/lib/reviews/answers";
import { CONFIDENCE_SCALE, FAMILIARITY_SCALE, type ReviewForm } from "@/lib/reviews/form";
import { submitReviewAction } from "../actions";
import { postReviewDraft } from "./draft-route-client";

const AUTOSAVE_MS = 2000;
/** Seconds without a key, click, scroll or pointer move after which the page no longer counts as active. */
const IDLE_AFTER_S = 60;

type Initial = {
  status: "draft" | "submitted";
  answers: ReviewAnswers;
  version: number;
  submittedAt: number | null;
} | null;

function sameAnswers(a: ReviewAnswers, b: ReviewAnswers) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Counts seconds while the page is visible and was used within the last minute. */
function useActiveSeconds() {
  const pending = useRef(0);
  const lastActivity = useRef(Date.now());
  useEffect(() => {
    const mark = () => {
      lastActivity.current = Date.now();
    };
    const events = ["keydown", "pointerdown", "pointermove", "scroll", "input"] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true });
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActivity.current < IDLE_AFTER_S * 1000) {
        pending.current += 1;
      }
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, mark);
      window.clearInterval(timer);
    };
  }, []);
  return pending;
}

export function ReviewEditor({
  studyId,
  assignmentId,
  form,
  attestationText,
  initial,
  readOnlyReason,
}: {
  studyId: string;
  assignmentId: string;
  form: ReviewForm;
  attestationText: string | null;
  initial: Initial;
  readOnlyReason: string | null;
}) {
  const [initialAnswers] = useState<ReviewAnswers>(() => {
    const base = emptyAnswers(form);
    if (!initial) return base;
    return {
      ...base,
      ...initial.answers,
      scores: { ...base.scores, ...initial.answers.scores },
      rationales: { ...base.rationales, ...initial.answers.rationales },
    };
  });
  const [status, setStatus] = useState<"new" | "draft" | "submitted">(initial?.status ?? "new");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const statusRef = useRef(status);
  const active = useActiveSeconds();
  const readOnly = readOnlyReason !== null;

  statusRef.current = status;

  const send = useCallback(
    // saveId: the autosave hook's idempotency key for this write (activity carries no answers, so none).
    async (
      mode: "draft" | "submit" | "activity",
      answers: ReviewAnswers,
      version: number,
      saveId?: string,
    ) => {
      const seconds = active.current;
      const body = { answers, version, activeSeconds: seconds, saveId };
      const result =
        mode === "submit"
          ? await submitReviewAction({ studyId, assignmentId, ...body }).catch(() => null)
          : await postReviewDraft(studyId, assignmentId, { mode, ...body });
      if (result?.ok) active.current = Math.max(0, active.current - seconds);
      return result;
    },
    [studyId, assignmentId, active],
  );

  /** A save or submit result as the autosave machine reads it; field errors go next to the fields. */
  function outcome(result: Awaited<ReturnType<typeof send>>): SaveOutcome<never> {
    if (result?.ok && result.data) {
      setErrors({});
      return { kind: "saved", version: result.data.version, savedAt: result.data.savedAt };
    }
    if (result && !result.ok) {
      if (result.fieldErrors) {
        setErrors(Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, v.join(" ")])));
      }
      return { kind: "refused", message: result.message };
    }
    return { kind: "offline", message: "Could not reach the server. Your answers are kept here; try again." };
  }

  // A submitted review is changed only by “Update review”, so drafts are no longer saved on their own.
  const autosave = useAutosave<ReviewAnswers>({
    initial: initialAnswers,
    initialVersion: initial?.version ?? 0,
    equal: sameAnswers,
    delayMs: AUTOSAVE_MS,
    enabled: !readOnly && status !== "submitted",
    save: async (answers, version, saveId) => {
      const result = outcome(await send("draft", answers, version, saveId));
      if (result.kind === "saved") setStatus("draft");
      return result;
    },
  });
  const { value: answers, status: saveState, savedAt } = autosave;
  const isProblem = useProblemMessage(autosave.problem, setMessage);

  // Active time of a visit that changed nothing is still recorded, every minute and on leaving.
  useEffect(() => {
    if (readOnly) return;
    const flush = () => {
      if (active.current >= 5 && statusRef.current !== "new" && !autosave.unsaved()) {
        void send("activity", autosave.latest(), autosave.version());
      }
    };
    const timer = window.setInterval(flush, 60_000);
    const onHide = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [readOnly, send, active, autosave.unsaved, autosave.latest, autosave.version]);

  function update(patch: (a: ReviewAnswers) => ReviewAnswers) {
    autosave.edit(patch);
    // An edit hides a submit message; a save problem stays until a save succeeds.
    setMessage((m) => (isProblem(m) ? m : null));
  }

  async function submit() {
    const check = validateAnswers(form, autosave.latest(), {
      mode: "submit",
      attestationRequired: attestationText !== null,
    });
    if (!check.ok) {
      setErrors(check.errors);
      setMessage(
        `Please fix ${Object.keys(check.errors).length === 1 ? "one field" : `${Object.keys(check.errors).length} fields`} before submitting.`,
      );
      return;
    }
    setSubmitting(true);
    const result = await autosave.commit(async (answers, version, saveId) => {
      const sent = outcome(await send("submit", answers, version, saveId));
      if (sent.kind === "saved") setStatus("submitted");
      return sent;
    });
    setSubmitting(false);
    if (result.kind === "saved") setMessage(null);
  }

  const stateText =
    status === "submitted"
      ? saveState === "dirty"
        ? "Submitted. You have changes that are not saved until you press “Update review”."
        : `Submitted${savedAt ? ` at ${new Date(savedAt).toLocaleTimeString()}` : ""}. You can still edit it until the review phase closes.`
      : saveState === "saving"
        ? "Saving draft…"
        : saveState === "dirty"
          ? "Unsaved changes (saved automatically in a moment)."
          : savedAt
            ? `Draft saved at ${new Date(savedAt).toLocaleTimeString()}.`
            : status === "draft"
              ? "Draft saved."
              : "Not started.";

  return (
    <Card data-testid="review-form">
      <CardTitle>Your review</CardTitle>
      {readOnlyReason ? (
        <Alert tone="info" testId="review-readonly">
          {readOnlyReason}
        </Alert>
      ) : (
        <p className="mb-3 text-xs text-[var(--foreground-soft)]" data-testid="save-state" aria-live="polite">
          {stateText}
        </p>
      )}
      <div className="space-y-6">
        {form.metrics.map((m) => {
          const text = answers.rationales[m.key] ?? "";
          const length = rationaleLength(text);
          return (
            <div
              key={m.key}
              className="space-y-2 border-t border-[var(--border)] pt-4"
              data-testid={`metric-${m.key}`}
            >
              <ScaleInput
                name={`score-${m.key}`}
                label={m.label}
                definition={m.definition}
                min={m.scale.min}
                max={m.scale.max}
                anchors={m.anchors}
                value={answers.scores[m.key] ?? null}
                onChange={(v) => update((a) => ({ ...a, scores: { ...a.scores, [m.key]: v } }))}
                error={errors[`score.${m.key}`]}
                disabled={readOnly}
              />
              <label className="block text-sm" htmlFor={`rationale-${m.key}`}>
                Rationale{m.rationale.required ? "" : " (optional)"}
              </label>
              <textarea
                id={`rationale-${m.key}`}
                rows={4}
                value={text}
                disabled={readOnly}
                onChange={(e) => {
                  const value = e.target.value;
                  update((a) => ({ ...a, rationales: { ...a.rationales, [m.key]: value } }));
                }}
                onBlur={() => void autosave.save()}
                aria-invalid={errors[`rationale.${m.key}`] ? true : undefined}
                className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
                data-testid={`rationale-${m.key}`}
              />
              <p
                className={`text-xs ${m.rationale.minLength > 0 && length < m.rationale.minLength ? "text-[var(--foreground-soft)]" : "text-green-700 dark:text-green-400"}`}
                data-testid={`counter-${m.key}`}
              >
                {length} characters
                {m.rationale.required && m.rationale.minLength > 0
                  ? ` (at least ${m.rationale.minLength})`
                  : ""}
              </p>
              {errors[`rationale.${m.key}`] ? (
                <p
                  className="text-xs text-red-700 dark:text-red-400"
                  data-testid={`error-rationale-${m.key}`}
                >
                  {errors[`rationale.${m.key}`]}
                </p>
              ) : null}
            </div>
          );
        })}
        {[CONFIDENCE_SCALE, FAMILIARITY_SCALE].map((s) => (
          <div key={s.key} className="border-t border-[var(--border)] pt-4">
            <ScaleInput
              name={s.key}
              label={s.label}
              definition={s.definition}
              min={s.scale.min}
              max={s.scale.max}
              anchors={s.anchors}
              value={answers[s.key]}
              onChange={(v) => update((a) => ({ ...a, [s.key]: v }))}
              error={errors[s.key]}
              disabled={readOnly}
            />
          </div>
        ))}
        <div className="space-y-1 border-t border-[var(--border)] pt-4">
          <label htmlFor="minutes" className="block text-sm font-semibold">
            Minutes you spent on this review
          </label>
          <input
            id="minutes"
            type="number"
            min={0}
            inputMode="numeric"
            value={answers.minutes ?? ""}
            disabled={readOnly}
            onChange={(e) => {
              const raw = e.target.value;
              const n = raw === "" ? null : Number(raw);
              update((a) => ({ ...a, minutes: n !== null && Number.isFinite(n) ? n : null }));
            }}
            onBlur={() => void autosave.save()}
            aria-invalid={errors.minutes ? true : undefined}
            className="block w-32 rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm"
            data-testid="minutes"
          />
          {errors.minutes ? (
            <p className="text-xs text-red-700 dark:text-red-400" data-testid="error-minutes">
              {errors.minutes}
            </p>
          ) : null}
        </div>
        {attestationText ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={answers.attested}
              disabled={readOnly}
              onChange={(e) => {
                const checked = e.target.checked;
                update((a) => ({ ...a, attested: checked }));
              }}
              data-testid="attested"
              className="mt-1"
            />
            <span>{attestationText}</span>
          </label>
        ) : null}
        {errors.attested ? (
          <p className="text-xs text-red-700 dark:text-red-400" data-testid="error-attested">
            {errors.attested}
          </p>
        ) : null}
        {message ? (
          <Alert tone="error" testId="review-error">
            {message}
          </Alert>
        ) : null}
        {status === "submitted" && saveState === "saved" && !readOnly ? (
          <Alert tone="success" testId="review-submitted">
            Review submitted. Thank you!
          </Alert>
        ) : null}
        {readOnly ? null : (
          // On small screens the buttons stay in view at the bottom while the form is on screen.
          <div
            className="flex flex-wrap gap-3 max-lg:sticky max-lg:bottom-0 max-lg:z-10 max-lg:-mx-5 max-lg:border-t max-lg:border-[var(--border)] max-lg:bg-[var(--surface)] max-lg:px-5 max-lg:py-3"
            data-testid="review-actions"
          >
            <Button
              type="button"
              onClick={() => void submit()}
              disabled={submitting}
              data-testid="submit-review"
            >
              {submitting ? "Submitting…" : status === "submitted" ? "Update review" : "Submit review"}
            </Button>
            {status !== "submitted" ? (
              <Button
                type="button"
                variant="secondary"
                onClick={() => void autosave.save()}
                data-testid="save-draft"
              >
                Save draft
              </Button>
            ) : null}
          </div>
        )}
      </div>
    </Card>
  );
}
