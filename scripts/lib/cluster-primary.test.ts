import type { Worker } from "node:cluster";
import { describe, expect, it } from "vitest";
import { MAX_DEATHS, runPrimary } from "./cluster-primary";

// Real processes: the primary forks stand-in workers (testing/cluster-worker-fixture.mjs) that report
// the job role they were given and echo what the primary relays to them.
type Heard = { worker: Worker; msg: { kind: string; jobRunner?: string; msg?: { kind: string } } };

function harness(workers: number) {
  const heard: Heard[] = [];
  const logs: string[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => {
    resolveExit = r;
  });
  const primary = runPrimary({
    workers,
    runJobs: true,
    exec: "scripts/lib/testing/cluster-worker-fixture.mjs",
    exit: (code) => resolveExit(code),
    log: (line) => logs.push(line),
  });
  const seen = new Set<Worker>();
  const listen = (w: Worker) => {
    if (seen.has(w)) return;
    seen.add(w);
    w.on("message", (msg) => heard.push({ worker: w, msg }));
  };
  const until = async (pred: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      for (const w of Object.values((await import("node:cluster")).default.workers ?? {})) if (w) listen(w);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const hellos = () => heard.filter((h) => h.msg.kind === "hello" && !h.worker.isDead());
  return { primary, heard, logs, exited, until, hellos };
}

describe("runPrimary (several server processes on one port)", () => {
  it("gives the job runner to exactly one worker, relays wake-ups to it and ticks to the others, and hands the runner to the replacement of a dead runner worker", async () => {
    const h = harness(3);
    await h.until(() => h.hellos().length === 3, "three workers");
    expect(
      h
        .hellos()
        .map((x) => x.msg.jobRunner)
        .sort(),
    ).toEqual(["false", "false", "true"]);
    const runner = h.primary.runnerWorker();
    expect(h.hellos().find((x) => x.msg.jobRunner === "true")?.worker).toBe(runner);
    const others = h.hellos().filter((x) => x.worker !== runner);

    // A wake-up from a worker without the runner reaches the runner worker only.
    others[0]?.worker.send({ kind: "send", msg: { kind: "job-runner-wake" } });
    await h.until(() => h.heard.some((x) => x.msg.kind === "received" && x.worker === runner), "wake relay");
    // The runner's tick reaches every other worker, not itself.
    runner?.send({
      kind: "send",
      msg: { kind: "job-runner-tick", running: true, lastTickAt: 1, pollIntervalMs: 1000 },
    });
    await h.until(
      () => h.heard.filter((x) => x.msg.msg?.kind === "job-runner-tick").length === 2,
      "tick relay",
    );
    const receivedWake = h.heard.filter((x) => x.msg.msg?.kind === "job-runner-wake").map((x) => x.worker);
    expect(receivedWake).toEqual([runner]);
    expect(h.heard.filter((x) => x.msg.msg?.kind === "job-runner-tick").map((x) => x.worker)).not.toContain(
      runner,
    );

    // The runner worker dies: its replacement (and only it) runs jobs.
    runner?.send({ kind: "die" });
    await h.until(() => h.hellos().length === 3 && h.primary.runnerWorker() !== runner, "replacement");
    expect(
      h
        .hellos()
        .map((x) => x.msg.jobRunner)
        .sort(),
    ).toEqual(["false", "false", "true"]);
    expect(h.hellos().find((x) => x.msg.jobRunner === "true")?.worker).toBe(h.primary.runnerWorker());
    expect(h.logs.join("\n")).toMatch(/died \(status 3\); starting another/);

    // A requested stop ends every worker and exits 0.
    h.primary.stop("SIGTERM");
    expect(await h.exited).toBe(0);
  });

  it("exits with the dead worker's status when workers keep dying", async () => {
    const h = harness(1);
    for (let i = 0; i <= MAX_DEATHS; i++) {
      await h.until(() => h.hellos().length === 1, `worker ${i + 1}`);
      h.hellos()[0]?.worker.send({ kind: "die" });
      await h.until(() => h.hellos().length === 0, `death ${i + 1}`);
    }
    expect(await h.exited).toBe(3);
    expect(h.logs.at(-1)).toMatch(/keep dying .* status 3/);
  });
});
