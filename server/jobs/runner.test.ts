import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  claimNextItems,
  completeItem,
  recoverInterruptedJobs,
  retryFailedItems,
} from "@/db/queries/job-items";
import { createJob, getJobProgress, listJobs, requestJobCancel } from "@/db/queries/jobs";
import { resetTestDb } from "@/db/testing/db";
import { at } from "@/lib/assert";
import { isAppError } from "@/lib/errors";
import { type JobContext, registerJobHandler } from "./registry";
import { enqueueJob, type JobEvent, JobRunner, type JobRunnerOptions } from "./runner";

// Everything is driven by promises the test resolves itself (no sleeps, no timing assertions);
// the short poll interval only bounds how long a missed wake-up could take.

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void };

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let kindCounter = 0;
function uniqueKind(name: string) {
  kindCounter += 1;
  return `${name}-${kindCounter}`;
}

type GatedCall = { jobId: string; seq: number; input: unknown; signal: AbortSignal; gate: Deferred<unknown> };

/**
 * Registers a handler whose calls each wait for the test to resolve them, and records how many
 * run at once (overall and per job). With `honourAbort`, an aborted call rejects with the reason.
 */
function registerGatedHandler({ honourAbort = true }: { honourAbort?: boolean } = {}) {
  const kind = uniqueKind("gated");
  const calls: GatedCall[] = [];
  const callWaiters: { n: number; resolve: () => void }[] = [];
  const inFlightByJob = new Map<string, number>();
  const maxByJob = new Map<string, number>();
  const state = { inFlight: 0, maxInFlight: 0 };

  registerJobHandler({
    kind,
    handle: async (input: unknown, ctx: JobContext) => {
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      const jobCount = (inFlightByJob.get(ctx.jobId) ?? 0) + 1;
      inFlightByJob.set(ctx.jobId, jobCount);
      maxByJob.set(ctx.jobId, Math.max(maxByJob.get(ctx.jobId) ?? 0, jobCount));
      const gate = deferred<unknown>();
      if (honourAbort) ctx.signal.addEventListener("abort", () => gate.reject(ctx.signal.reason));
      calls.push({ jobId: ctx.jobId, seq: ctx.seq, input, signal: ctx.signal, gate });
      for (const w of callWaiters.filter((w) => calls.length >= w.n)) w.resolve();
      try {
        return await gate.promise;
      } finally {
        state.inFlight -= 1;
        inFlightByJob.set(ctx.jobId, (inFlightByJob.get(ctx.jobId) ?? 1) - 1);
      }
    },
  });

  return {
    kind,
    calls,
    state,
    maxByJob,
    waitForCalls(n: number): Promise<void> {
      if (calls.length >= n) return Promise.resolve();
      return new Promise((resolve) => callWaiters.push({ n, resolve }));
    },
  };
}

type Gated = ReturnType<typeof registerGatedHandler>;

/**
 * Waits until `initial` calls run at once (so the limit is actually reached), then releases every
 * call in arrival order as soon as it has arrived, until `total` calls have been released.
 */
async function drain(handler: Gated, { total, initial }: { total: number; initial: number }) {
  await handler.waitForCalls(initial);
  for (let i = 0; i < total; i++) {
    await handler.waitForCalls(i + 1);
    const call = at(handler.calls, i);
    call.gate.resolve({ seq: call.seq });
  }
}

function countCallsBySeq(seqs: number[]) {
  const counts: Record<number, number> = {};
  for (const s of seqs) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

function itemsOf(jobId: string) {
  return getJobProgress({ jobId, includeItems: true, includeOutput: true })!.items!;
}

const runners: JobRunner[] = [];
function makeRunner(options: JobRunnerOptions = {}) {
  const runner = new JobRunner({ pollIntervalMs: 5, ...options });
  runners.push(runner);
  return runner;
}

beforeEach(() => {
  resetTestDb();
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

describe("JobRunner", () => {
  it("processes every item in seq order and stores outputs, timestamps and progress", async () => {
    const kind = uniqueKind("double");
    const seen: number[] = [];
    registerJobHandler({
      kind,
      inputSchema: z.object({ n: z.number() }),
      handle: async ({ n }, ctx) => {
        seen.push(ctx.seq);
        return { double: n * 2 };
      },
    });
    const job = createJob({ kind, params: {}, items: [{ n: 1 }, { n: 2 }, { n: 3 }], concurrency: 1 });
    expect(getJobProgress({ jobId: job.id })).toMatchObject({ total: 3, pending: 3, percent: 0 });

    await makeRunner({ concurrency: 2, now: () => 1_234 }).runUntilIdle();

    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress).toMatchObject({ total: 3, pending: 0, running: 0, done: 3, error: 0, cancelled: 0 });
    expect(progress.percent).toBe(100);
    expect(progress.job).toMatchObject({
      status: "completed",
      error: null,
      startedAt: 1_234,
      finishedAt: 1_234,
    });
    expect(progress.items!.map((i) => i.output)).toEqual([{ double: 2 }, { double: 4 }, { double: 6 }]);
    expect(progress.items!.map((i) => i.attempts)).toEqual([1, 1, 1]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it("never runs more items at once than the runner's concurrency", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2, 3, 4, 5], concurrency: 10 });
    const idle = makeRunner({ concurrency: 2 }).runUntilIdle();

    await drain(handler, { total: 6, initial: 2 });
    await idle;

    expect(handler.state.maxInFlight).toBe(2);
    expect(handler.calls.map((c) => c.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({ done: 6, total: 6, percent: 100 });
  });

  it("respects each job's own limit while sharing the runner's limit across jobs", async () => {
    const handler = registerGatedHandler();
    const a = createJob({ kind: handler.kind, items: [0, 1, 2, 3], concurrency: 2, now: 1 });
    const b = createJob({ kind: handler.kind, items: [0, 1, 2, 3], concurrency: 2, now: 2 });
    const idle = makeRunner({ concurrency: 3 }).runUntilIdle();

    await drain(handler, { total: 8, initial: 3 });
    await idle;

    expect(handler.state.maxInFlight).toBe(3);
    expect(handler.maxByJob.get(a.id)).toBe(2);
    expect(handler.maxByJob.get(b.id)).toBeLessThanOrEqual(2);
    expect(getJobProgress({ jobId: a.id })!.done).toBe(4);
    expect(getJobProgress({ jobId: b.id })!.done).toBe(4);
  });

  it("runs a job with concurrency 1 strictly one item at a time", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2], concurrency: 1 });
    const idle = makeRunner({ concurrency: 4 }).runUntilIdle();

    await drain(handler, { total: 3, initial: 1 });
    await idle;

    expect(handler.state.maxInFlight).toBe(1);
    expect(getJobProgress({ jobId: job.id })!.job.status).toBe("completed");
  });

  it("reports live progress while items run", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2, 3], concurrency: 2 });
    const idle = makeRunner({ concurrency: 2 }).runUntilIdle();

    await handler.waitForCalls(2);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      total: 4,
      pending: 2,
      running: 2,
      done: 0,
      percent: 0,
      job: { status: "running" },
    });
    at(handler.calls, 0).gate.resolve("first");
    await handler.waitForCalls(3);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({ pending: 1, running: 2, done: 1, percent: 25 });

    await drain(handler, { total: 4, initial: 3 });
    await idle;
    const progress = getJobProgress({ jobId: job.id, includeItems: true })!;
    expect(progress).toMatchObject({ done: 4, percent: 100, job: { status: "completed" } });
    // Outputs can be large; a progress poll only gets them when it asks.
    expect(progress.items!.every((i) => !("output" in i))).toBe(true);
  });

  it("records a throwing item's error and carries on with the others", async () => {
    const kind = uniqueKind("flaky");
    registerJobHandler({
      kind,
      handle: async (_input, { seq }) => {
        if (seq === 1) throw new Error("bad item 1");
        return { ok: seq };
      },
    });
    const job = createJob({ kind, items: [0, 1, 2] });

    await makeRunner({ concurrency: 2 }).runUntilIdle();

    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress).toMatchObject({ total: 3, done: 2, error: 1, percent: 100 });
    expect(progress.job).toMatchObject({ status: "completed", error: null });
    expect(progress.items).toEqual([
      { seq: 0, status: "done", error: null, attempts: 1, output: { ok: 0 } },
      { seq: 1, status: "error", error: "bad item 1", attempts: 1, output: null },
      { seq: 2, status: "done", error: null, attempts: 1, output: { ok: 2 } },
    ]);
  });

  it("fails the job only when every item failed, naming the first error", async () => {
    const kind = uniqueKind("always-fails");
    registerJobHandler({
      kind,
      handle: async (_input, { seq }) => {
        throw new Error(`broken ${seq}`);
      },
    });
    const job = createJob({ kind, items: [0, 1] });

    await makeRunner().runUntilIdle();

    const { job: after, error } = getJobProgress({ jobId: job.id })!;
    expect(error).toBe(2);
    expect(after.status).toBe("failed");
    expect(after.error).toBe("All 2 items failed. First error: broken 0");
  });

  it("marks an item whose stored input fails the handler's schema as an error", async () => {
    const kind = uniqueKind("typed");
    const handled: unknown[] = [];
    registerJobHandler({
      kind,
      inputSchema: z.object({ n: z.number() }),
      handle: async (input) => {
        handled.push(input);
        return null;
      },
    });
    const job = createJob({ kind, items: [{ n: 1 }, { n: "x" }] });

    await makeRunner().runUntilIdle();

    const items = itemsOf(job.id);
    expect(items[0]?.status).toBe("done");
    expect(items[1]?.status).toBe("error");
    expect(items[1]?.error).toMatch(/^Invalid item input: n: /);
    expect(handled).toEqual([{ n: 1 }]);
  });

  it("fails a job whose kind has no handler, and can retry it once one is registered", async () => {
    const kind = uniqueKind("unregistered");
    const job = createJob({ kind, items: ["a", "b"] });

    await makeRunner().runUntilIdle();

    const message = `No handler is registered for job kind "${kind}".`;
    const progress = getJobProgress({ jobId: job.id, includeItems: true })!;
    expect(progress.job).toMatchObject({ status: "failed", error: message });
    expect(progress.items!.map((i) => [i.status, i.error])).toEqual([
      ["error", message],
      ["error", message],
    ]);

    registerJobHandler({ kind, handle: async (input) => ({ echo: input }) });
    expect(retryFailedItems({ jobId: job.id })).toEqual({ retried: 2 });
    await makeRunner().runUntilIdle();
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 2,
      job: { status: "completed", error: null },
    });
  });

  it("cancels mid-run: aborts in-flight handlers, cancels the rest and claims nothing more", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2, 3, 4], concurrency: 2 });
    const runner = makeRunner({ concurrency: 2 });
    const events: JobEvent[] = [];
    runner.subscribe((e) => events.push(e));
    const idle = runner.runUntilIdle();
    await handler.waitForCalls(2);

    requestJobCancel({ jobId: job.id, now: 99 });
    runner.wake();
    await idle;

    expect(handler.calls).toHaveLength(2);
    for (const call of handler.calls) {
      expect(call.signal.aborted).toBe(true);
      expect((call.signal.reason as Error).name).toBe("AbortError");
    }
    const progress = getJobProgress({ jobId: job.id, includeItems: true })!;
    expect(progress).toMatchObject({ cancelled: 5, done: 0, pending: 0, running: 0, error: 0, percent: 100 });
    expect(progress.job).toMatchObject({ status: "cancelled", cancelRequestedAt: 99, finishedAt: 99 });
    expect(events).toContainEqual({ jobId: job.id, type: "finished" });
    expect(runner.activeCount).toBe(0);
  });

  it("notices a cancel at the next poll when nobody wakes it", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2], concurrency: 1 });
    const idle = makeRunner({ concurrency: 1 }).runUntilIdle();
    await handler.waitForCalls(1);

    requestJobCancel({ jobId: job.id });
    await idle;

    expect(handler.calls).toHaveLength(1);
    expect(handler.calls[0]?.signal.aborted).toBe(true);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({ cancelled: 3, job: { status: "cancelled" } });
  });

  it("discards the result of a handler that ignores the abort and finishes after a cancel", async () => {
    const handler = registerGatedHandler({ honourAbort: false });
    const job = createJob({ kind: handler.kind, items: [0, 1, 2], concurrency: 1 });
    const runner = makeRunner({ concurrency: 1 });
    const idle = runner.runUntilIdle();
    await handler.waitForCalls(1);

    requestJobCancel({ jobId: job.id });
    runner.wake();
    expect(handler.calls[0]?.signal.aborted).toBe(true);
    at(handler.calls, 0).gate.resolve({ late: true });
    await idle;

    expect(itemsOf(job.id).map((i) => [i.status, i.output])).toEqual([
      ["cancelled", null],
      ["cancelled", null],
      ["cancelled", null],
    ]);
    expect(handler.calls).toHaveLength(1);
  });

  it("cancels a queued job without any runner, and a runner then never calls its handler", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1] });

    const cancelled = requestJobCancel({ jobId: job.id });
    expect(cancelled.status).toBe("cancelled");
    await makeRunner().runUntilIdle();

    expect(handler.calls).toHaveLength(0);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({ cancelled: 2, job: { status: "cancelled" } });
  });

  it("resumes after a crash without re-running items that were already done", async () => {
    const kind = uniqueKind("resumable");
    const calls: { seq: number; runner: string }[] = [];
    const hung: { seq: number; gate: Deferred<unknown> }[] = [];
    const hungWaiter = deferred();
    let phase: "A" | "B" = "A";
    registerJobHandler({
      kind,
      handle: async (_input, { seq }) => {
        calls.push({ seq, runner: phase });
        if (phase === "A" && seq >= 4) {
          // Runner A "dies" here: these calls never come back while B works.
          const gate = deferred<unknown>();
          hung.push({ seq, gate });
          if (hung.length === 2) hungWaiter.resolve();
          return gate.promise;
        }
        return { by: phase, seq };
      },
    });
    const job = createJob({ kind, items: Array.from({ length: 10 }, (_, i) => i), concurrency: 2 });

    const idleA = makeRunner({ concurrency: 2 }).runUntilIdle();
    await hungWaiter.promise;
    const atCrash = itemsOf(job.id).map((i) => i.status);
    expect(atCrash).toEqual([
      "done",
      "done",
      "done",
      "done",
      "running",
      "running",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);

    phase = "B";
    const runnerB = makeRunner({ concurrency: 3 });
    runnerB.start();
    await runnerB.runUntilIdle();

    const items = itemsOf(job.id);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 10,
      total: 10,
      job: { status: "completed" },
    });
    const counts = countCallsBySeq(calls.map((c) => c.seq));
    for (const seq of [0, 1, 2, 3]) {
      expect(counts[seq]).toBe(1);
      expect(items[seq]).toMatchObject({ attempts: 1, output: { by: "A", seq } });
    }
    for (const seq of [4, 5]) {
      expect(counts[seq]).toBe(2);
      expect(items[seq]).toMatchObject({ attempts: 2, output: { by: "B", seq } });
    }
    for (const seq of [6, 7, 8, 9]) {
      expect(counts[seq]).toBe(1);
      expect(items[seq]?.output).toEqual({ by: "B", seq });
    }

    // The zombie calls finally return: their stale results must not overwrite B's.
    for (const h of hung) h.gate.resolve({ by: "stale A", seq: h.seq });
    await idleA;
    expect(itemsOf(job.id).map((i) => (i.output as { by: string }).by)).toEqual([
      ..."AAAA".split(""),
      ..."BBBBBB".split(""),
    ]);
  });

  it("fences a stale claim: only the latest attempt may settle an item", () => {
    const job = createJob({ kind: uniqueKind("fence"), items: ["x"] });
    const first = at(claimNextItems({ jobId: job.id, limit: 5 }), 0);
    expect(first.attempt).toBe(1);
    expect(recoverInterruptedJobs()).toEqual({ items: 1 });
    const second = at(claimNextItems({ jobId: job.id, limit: 5 }), 0);
    expect(second.attempt).toBe(2);

    expect(completeItem({ itemId: first.id, attempt: first.attempt, output: "stale" })).toBe(false);
    expect(itemsOf(job.id)[0]).toMatchObject({ status: "running", output: null });
    expect(completeItem({ itemId: second.id, attempt: second.attempt, output: "fresh" })).toBe(true);
    expect(itemsOf(job.id)[0]).toMatchObject({ status: "done", output: "fresh" });
  });

  it("stop() aborts in-flight items and hands them back; the next start() finishes the job", async () => {
    const handler = registerGatedHandler();
    const job = createJob({ kind: handler.kind, items: [0, 1, 2], concurrency: 2 });
    const first = makeRunner({ concurrency: 2 });
    first.start();
    first.wake();
    await handler.waitForCalls(2);

    await first.stop();

    expect(handler.calls.map((c) => c.signal.aborted)).toEqual([true, true]);
    expect(handler.calls).toHaveLength(2);
    expect(itemsOf(job.id).map((i) => [i.status, i.attempts])).toEqual([
      ["pending", 1],
      ["pending", 1],
      ["pending", 0],
    ]);
    expect(getJobProgress({ jobId: job.id })!.job.status).toBe("running");

    const second = makeRunner({ concurrency: 2 });
    second.start();
    const idle = second.runUntilIdle();
    await handler.waitForCalls(4);
    for (const call of handler.calls.slice(2)) call.gate.resolve("ok");
    await handler.waitForCalls(5);
    at(handler.calls, 4).gate.resolve("ok");
    await idle;

    expect(handler.calls.slice(2).map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(itemsOf(job.id).map((i) => [i.status, i.attempts])).toEqual([
      ["done", 2],
      ["done", 2],
      ["done", 1],
    ]);
  });

  it("starts work as soon as it is woken after an enqueue", async () => {
    const kind = uniqueKind("woken");
    registerJobHandler({ kind, handle: async (input) => input });
    // A long poll interval: only wake() can make this test finish in time.
    const runner = makeRunner({ concurrency: 2, pollIntervalMs: 60_000 });
    runner.start();
    const finished = deferred<string>();
    runner.subscribe((e) => {
      if (e.type === "finished") finished.resolve(e.jobId);
    });

    const job = await enqueueJob({ kind, items: ["a", "b"] });
    runner.wake();

    expect(await finished.promise).toBe(job.id);
    expect(itemsOf(job.id).map((i) => i.output)).toEqual(["a", "b"]);
  });

  it("completes a job with no items at 100%", async () => {
    const kind = uniqueKind("empty");
    registerJobHandler({ kind, handle: async () => null });
    const job = createJob({ kind, items: [] });

    await makeRunner().runUntilIdle();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      total: 0,
      percent: 100,
      job: { status: "completed" },
    });
  });
});

describe("retryFailedItems", () => {
  it("re-runs only the failed items and keeps the done ones", async () => {
    const kind = uniqueKind("retry");
    const seqs: number[] = [];
    registerJobHandler({
      kind,
      handle: async (_input, { seq, attempt }) => {
        seqs.push(seq);
        if ((seq === 1 || seq === 3) && attempt === 1) throw new Error(`first try of ${seq} fails`);
        return { seq, attempt };
      },
    });
    const job = createJob({ kind, items: [0, 1, 2, 3] });
    await makeRunner().runUntilIdle();
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 2,
      error: 2,
      job: { status: "completed" },
    });

    expect(retryFailedItems({ jobId: job.id })).toEqual({ retried: 2 });
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      pending: 2,
      error: 0,
      job: { status: "queued", finishedAt: null },
    });
    await makeRunner().runUntilIdle();

    expect(countCallsBySeq(seqs)).toEqual({ 0: 1, 1: 2, 2: 1, 3: 2 });
    expect(itemsOf(job.id).map((i) => i.output)).toEqual([
      { seq: 0, attempt: 1 },
      { seq: 1, attempt: 2 },
      { seq: 2, attempt: 1 },
      { seq: 3, attempt: 2 },
    ]);
    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 4,
      error: 0,
      job: { status: "completed" },
    });
  });

  it("does nothing to a job without failed items and refuses a cancelled job", async () => {
    const kind = uniqueKind("retry-none");
    registerJobHandler({ kind, handle: async () => "ok" });
    const done = createJob({ kind, items: [0] });
    await makeRunner().runUntilIdle();
    expect(retryFailedItems({ jobId: done.id })).toEqual({ retried: 0 });
    expect(getJobProgress({ jobId: done.id })!.job.status).toBe("completed");

    const cancelled = createJob({ kind, items: [0] });
    requestJobCancel({ jobId: cancelled.id });
    expect(() => retryFailedItems({ jobId: cancelled.id })).toThrow(/cancelled job cannot be retried/);
    expect(() => retryFailedItems({ jobId: crypto.randomUUID() })).toThrow(/does not exist/);
  });
});

describe("enqueueJob and createJob input", () => {
  const kind = uniqueKind("strict");
  registerJobHandler({
    kind,
    inputSchema: z.object({ prompt: z.string().min(1) }),
    paramsSchema: z.object({ model: z.string() }),
    handle: async () => null,
  });

  const cases: { name: string; run: () => Promise<unknown>; code: string; message: RegExp }[] = [
    {
      name: "unknown kind",
      run: () => enqueueJob({ kind: "no-such-kind", items: [] }),
      code: "invalid:job",
      message: /Unknown job kind "no-such-kind"/,
    },
    {
      name: "an item that fails the input schema",
      run: () => enqueueJob({ kind, params: { model: "m" }, items: [{ prompt: "ok" }, { prompt: "" }] }),
      code: "invalid:job",
      message: /^Item 2: prompt: /,
    },
    {
      name: "params that fail the params schema",
      run: () => enqueueJob({ kind, params: { model: 3 }, items: [{ prompt: "ok" }] }),
      code: "invalid:job",
      message: /^Params: model: /,
    },
    {
      name: "an empty kind",
      run: async () => createJob({ kind: " ", items: [] }),
      code: "invalid:job",
      message: /Job kind is required/,
    },
    {
      name: "a concurrency of 0",
      run: async () => createJob({ kind, items: [], concurrency: 0 }),
      code: "invalid:job",
      message: /Too small/i,
    },
    {
      name: "a study that does not exist",
      run: async () => createJob({ kind, items: [1], studyId: "missing-study" }),
      code: "invalid:job",
      message: /study or user this job refers to does not exist/,
    },
  ];

  it.each(cases)("rejects $name and writes nothing", async ({ run, code, message }) => {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect(listJobs({ limit: 10 })).toEqual([]);
  });

  it("stores a valid job with its items and the env's default concurrency", async () => {
    const job = await enqueueJob({ kind, params: { model: "m" }, items: [{ prompt: "a" }, { prompt: "b" }] });
    expect(job).toMatchObject({ kind, status: "queued", concurrency: 2, params: { model: "m" } });
    expect(itemsOf(job.id).map((i) => [i.seq, i.status])).toEqual([
      [0, "pending"],
      [1, "pending"],
    ]);
  });
});

describe("listJobs", () => {
  it("lists newest first, filtered by kind and study, with counts", () => {
    const older = createJob({ kind: "k1", items: [1, 2], now: 10 });
    const newer = createJob({ kind: "k2", items: [1], now: 20 });

    expect(listJobs({ limit: 10 }).map((p) => p.job.id)).toEqual([newer.id, older.id]);
    expect(listJobs({ kind: "k1", limit: 10 }).map((p) => [p.job.id, p.total, p.pending])).toEqual([
      [older.id, 2, 2],
    ]);
    expect(listJobs({ studyId: null, limit: 10 })).toHaveLength(2);
    expect(listJobs({ studyId: "another-study", limit: 10 })).toEqual([]);
    expect(listJobs({ limit: 1 }).map((p) => p.job.id)).toEqual([newer.id]);
  });
});
