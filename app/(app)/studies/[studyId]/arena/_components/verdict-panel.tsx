"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/errors";
import { skipPairAction, submitVoteAction } from "../actions";

type Verdict = "a" | "b" | "tie";
type Criterion = { key: string; label: string; description: string };

const OPTIONS: { value: Verdict; label: string; hotkey: string }[] = [
  { value: "a", label: "Idea A", hotkey: "A" },
  { value: "tie", label: "Tie", hotkey: "T" },
  { value: "b", label: "Idea B", hotkey: "B" },
];

const COMMENT_MAX = 2000;
const missingMessage = (c: Criterion) => `${c.label}: choose A, B or Tie.`;
const radioId = (key: string, v: Verdict) => `verdict-${key}-${v}`;

/** Where keys are text, not shortcuts. */
function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return true;
  return el instanceof HTMLInputElement && el.type !== "radio" && el.type !== "checkbox";
}

/**
 * The verdicts on one pair. Keyboard: A / B / T set the active criterion's verdict and move to the
 * next one, ↑ / ↓ (or 1–9) move between criteria, C writes a comment (Esc leaves it), Enter submits
 * once every criterion has a verdict. The server checks everything again.
 */
export function VerdictPanel({
  studyId,
  pairId,
  criteria,
}: {
  studyId: string;
  pairId: string;
  criteria: Criterion[];
}) {
  const router = useRouter();
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [active, setActive] = useState(0);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [judgedElsewhere, setJudgedElsewhere] = useState(false);
  const [sending, setSending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const panelRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const busy = sending || refreshing;

  function focusCriterion(i: number, chosen: Record<string, Verdict>) {
    const c = criteria[i];
    if (!c) return;
    const el = document.getElementById(radioId(c.key, chosen[c.key] ?? "a"));
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: "nearest" });
  }

  function move(i: number) {
    const next = Math.max(0, Math.min(criteria.length - 1, i));
    setActive(next);
    focusCriterion(next, verdicts);
  }

  function choose(i: number, v: Verdict, advance: boolean) {
    const c = criteria[i];
    if (!c) return;
    const chosen = { ...verdicts, [c.key]: v };
    setVerdicts(chosen);
    setErrors(({ [`verdicts.${c.key}`]: _done, ...rest }) => rest);
    setMessage(null);
    const next = advance ? Math.min(criteria.length - 1, i + 1) : i;
    setActive(next);
    if (advance) focusCriterion(next, chosen);
  }

  function settle(result: ActionResult<unknown> | null) {
    if (result?.ok) {
      startRefresh(() => router.refresh());
      return;
    }
    setMessage(
      result ? result.message : "Could not reach the server. Your verdicts are kept here; try again.",
    );
    if (result && !result.ok) {
      setJudgedElsewhere(result.error === "conflict:arena_vote_exists");
      setErrors(
        Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v.join(" ")])),
      );
    }
  }

  async function submit() {
    if (busy) return;
    const missing = criteria.filter((c) => !verdicts[c.key]);
    const first = missing[0];
    if (first) {
      setErrors(Object.fromEntries(missing.map((c) => [`verdicts.${c.key}`, missingMessage(c)])));
      setMessage(missingMessage(first));
      move(criteria.indexOf(first));
      return;
    }
    setSending(true);
    const result = await submitVoteAction({ studyId, pairId, verdicts, comment }).catch(() => null);
    setSending(false);
    settle(result);
  }

  async function skip() {
    if (busy) return;
    setSending(true);
    const result = await skipPairAction({ studyId, pairId }).catch(() => null);
    setSending(false);
    settle(result);
  }

  // Re-subscribed on every render so the handler always sees the current verdicts and criterion.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target;
      if (isTyping(target)) {
        if (e.key === "Escape" && target === commentRef.current) {
          e.preventDefault();
          focusCriterion(active, verdicts);
        }
        return;
      }
      const key = e.key.toLowerCase();
      if (key === "a" || key === "b" || key === "t") {
        e.preventDefault();
        choose(active, key === "t" ? "tie" : key, true);
      } else if (/^[1-9]$/.test(e.key) && Number(e.key) <= criteria.length) {
        e.preventDefault();
        move(Number(e.key) - 1);
      } else if (
        (e.key === "ArrowDown" || e.key === "ArrowUp") &&
        panelRef.current?.contains(target as Node)
      ) {
        // Inside the panel the arrows walk the criteria; elsewhere they scroll the ideas as usual.
        e.preventDefault();
        move(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (key === "c") {
        e.preventDefault();
        commentRef.current?.focus();
      } else if (e.key === "Enter") {
        if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
        e.preventDefault();
        void submit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const done = criteria.filter((c) => verdicts[c.key]).length;

  return (
    <Card data-testid="verdict-panel">
      <CardTitle>Your verdict</CardTitle>
      <div ref={panelRef} className="space-y-2">
        {criteria.map((c, i) => {
          const error = errors[`verdicts.${c.key}`];
          return (
            <fieldset
              key={c.key}
              data-testid={`criterion-${c.key}`}
              data-active={i === active ? "true" : undefined}
              aria-invalid={error ? true : undefined}
              className={`rounded-md border px-3 py-1.5 ${i === active ? "border-[var(--accent)] bg-[var(--accent-soft)]" : "border-[var(--border)]"}`}
            >
              <legend className="sr-only">{c.label}</legend>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-40 flex-1">
                  <p className="text-sm font-semibold" aria-hidden="true">
                    <span className="mr-1 text-xs text-[var(--foreground-soft)]">{i + 1}.</span>
                    {c.label}
                  </p>
                  {c.description ? (
                    <p className="text-xs text-[var(--foreground-soft)]">{c.description}</p>
                  ) : null}
                </div>
                <div className="flex gap-1">
                  {OPTIONS.map((o) => {
                    const checked = verdicts[c.key] === o.value;
                    return (
                      <label
                        key={o.value}
                        htmlFor={radioId(c.key, o.value)}
                        data-testid={`option-${c.key}-${o.value}`}
                        className={`flex min-w-16 cursor-pointer items-center justify-center gap-1 rounded border px-2 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--accent)] ${checked ? "border-[var(--accent)] bg-[var(--accent)] text-white" : "border-[var(--border)] bg-[var(--surface)]"}`}
                      >
                        <input
                          id={radioId(c.key, o.value)}
                          type="radio"
                          name={`verdict-${c.key}`}
                          value={o.value}
                          checked={checked}
                          onChange={() => choose(i, o.value, false)}
                          onFocus={() => setActive(i)}
                          disabled={busy}
                          className="sr-only"
                          data-testid={radioId(c.key, o.value)}
                        />
                        {o.label}
                        <span className="font-mono text-[10px] opacity-70" aria-hidden="true">
                          {o.hotkey}
                        </span>
                      </label>
                    );
                  })}
                </div>
              </div>
              {error ? (
                <p className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid={`error-${c.key}`}>
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </div>
      <div className="mt-4 space-y-1">
        <label htmlFor="arena-comment" className="block text-sm font-medium">
          Comment (optional) <kbd className="text-xs text-[var(--foreground-soft)]">C</kbd>
        </label>
        <textarea
          id="arena-comment"
          ref={commentRef}
          rows={2}
          maxLength={COMMENT_MAX}
          value={comment}
          disabled={busy}
          onChange={(e) => setComment(e.target.value)}
          className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm"
          data-testid="arena-comment"
        />
        {errors.comment ? <p className="text-xs text-red-700 dark:text-red-400">{errors.comment}</p> : null}
      </div>
      {message ? (
        <div className="mt-3 space-y-2">
          <Alert tone="error" testId="vote-error">
            {message}
          </Alert>
          {judgedElsewhere ? (
            <Button
              variant="secondary"
              onClick={() => startRefresh(() => router.refresh())}
              data-testid="next-pair"
            >
              Show the next pair
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button onClick={() => void submit()} disabled={busy} data-testid="submit-vote">
          {sending ? "Saving…" : refreshing ? "Loading the next pair…" : "Submit vote"}
        </Button>
        <Button variant="secondary" onClick={() => void skip()} disabled={busy} data-testid="skip-pair">
          Skip this pair
        </Button>
        <span
          className="text-xs text-[var(--foreground-soft)]"
          aria-live="polite"
          data-testid="verdict-count"
        >
          {done} of {criteria.length} criteria decided
        </span>
      </div>
    </Card>
  );
}
