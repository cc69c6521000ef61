"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { JobItemCounts } from "@/lib/jobs/types";

type Progress = JobItemCounts & {
  job: { id: string; kind: string; status: string; error: string | null };
  percent: number;
  items?: { seq: number; status: string; error: string | null; output?: unknown }[];
};

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls the job's progress route once a second until the job ends; offers cancel and retry. */
export function JobProgress({ jobId, showItems = false }: { jobId: string; showItems?: boolean }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await fetch(`/api/jobs/${jobId}`, { cache: "no-store" });
    const body = await res.json().catch(() => null);
    if (!res.ok) setProblem(body?.message ?? `Could not load progress (HTTP ${res.status}).`);
    else {
      setProblem(null);
      setProgress(body);
    }
    return body as Progress | null;
  }, [jobId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const p = await load().catch(() => null);
      if (!stopped && !(p && TERMINAL.has(p.job?.status))) timer = setTimeout(tick, 1000);
    };
    tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  async function act(action: "cancel" | "retry") {
    const res = await fetch(`/api/jobs/${jobId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action }),
    });
    if (!res.ok) setProblem((await res.json().catch(() => null))?.message ?? "The request failed.");
    const p = await load();
    if (action === "retry" && p && !TERMINAL.has(p.job.status)) {
      // Polling stopped when the job ended; restart it for the retried items.
      const poll = async () => {
        const q = await load();
        if (q && !TERMINAL.has(q.job.status)) setTimeout(poll, 1000);
      };
      setTimeout(poll, 1000);
    }
  }

  if (!progress) return <p className="text-sm">{problem ?? "Loading progress…"}</p>;
  const running = !TERMINAL.has(progress.job.status);
  return (
    <div className="space-y-2" data-testid={`job-${jobId}`}>
      <div className="flex items-center justify-between text-sm">
        <span>
          {progress.job.kind} · <strong data-testid="job-status">{progress.job.status}</strong>
        </span>
        <span data-testid="job-counts">
          {progress.done}/{progress.total} done
          {progress.error ? ` · ${progress.error} failed` : ""}
          {progress.cancelled ? ` · ${progress.cancelled} cancelled` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-label="Job progress"
        className="h-2 w-full overflow-hidden rounded bg-[var(--muted)]"
      >
        <div
          className="h-full bg-[var(--accent)] transition-[width]"
          style={{ width: `${progress.percent}%` }}
        />
      </div>
      {progress.job.error ? (
        <p className="text-sm text-red-700 dark:text-red-400">{progress.job.error}</p>
      ) : null}
      {problem ? <p className="text-sm text-red-700 dark:text-red-400">{problem}</p> : null}
      <div className="flex gap-2">
        {running ? (
          <Button variant="secondary" onClick={() => act("cancel")} data-testid="job-cancel">
            Cancel
          </Button>
        ) : null}
        {!running && progress.error > 0 ? (
          <Button variant="secondary" onClick={() => act("retry")} data-testid="job-retry">
            Retry failed items
          </Button>
        ) : null}
      </div>
      {showItems && progress.items ? (
        <ol className="space-y-1 text-xs" data-testid="job-items">
          {progress.items.map((it) => (
            <li key={it.seq}>
              #{it.seq + 1} {it.status}
              {it.error ? <span className="text-red-700 dark:text-red-400"> — {it.error}</span> : null}
              {it.output ? (
                <span className="text-[var(--foreground-soft)]">
                  {" "}
                  — {JSON.stringify(it.output).slice(0, 160)}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
