import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { generatedIdeas, ideationRuns, studies } from "@/db/schema";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { runIdeateCli } from "./ideate";

withMockModelEnv({ LLM_MAX_RETRIES: "0", LITERATURE_OFFLINE: "true" });

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runIdeateCli(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

describe("npm run ideate", () => {
  it("runs CoI on the named topics, prints progress and exits 0 with the ideas written", async () => {
    const { study } = makeIdeationStudy();
    const out = await run([
      "--study",
      study.id,
      "--topics",
      "machine translation; Dependency parsing",
      "--n",
      "1",
      "--k",
      "2",
      "--budget",
      "2",
      "--model",
      "gpt-4o-mini",
    ]);
    expect(out.stderr).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.stdout[0]).toMatch(/^Run [0-9a-f-]{36} started/);
    expect(out.stdout.at(-1)).toMatch(/^\[Done\] 2\/2 topics · 2 ideas · \$0\.\d{4} of \$2\.00/);
    expect(getDb().select().from(generatedIdeas).all()).toHaveLength(2);
  });

  it("exits 2 naming the problem, writing nothing, for an unknown topic or a bad number", async () => {
    const { study } = makeIdeationStudy();
    const unknown = await run(["--study", study.id, "--topics", "Astronomy", "--n", "1", "--budget", "1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.join("\n")).toContain('--topics: the study has no topic "Astronomy"');
    const badN = await run([
      "--study",
      study.id,
      "--topics",
      "Machine translation",
      "--n",
      "0",
      "--budget",
      "1",
    ]);
    expect(badN.code).toBe(2);
    expect(badN.stderr.join("\n")).toContain("Ideas per topic: at least 1.");
    expect(getDb().select().from(ideationRuns).all()).toHaveLength(0);
  });

  it("exits 2 on an archived study, writing nothing", async () => {
    const { study } = makeIdeationStudy();
    getDb().update(studies).set({ archivedAt: 1 }).where(eq(studies.id, study.id)).run();
    const out = await run([
      "--study",
      study.id,
      "--topics",
      "Machine translation",
      "--n",
      "1",
      "--budget",
      "1",
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr.join("\n")).toContain("This study is archived and read-only.");
    expect(getDb().select().from(ideationRuns).all()).toHaveLength(0);
  });

  it("exits 3 at the budget, and a resume with more budget finishes the run", async () => {
    const { study } = makeIdeationStudy();
    const args = [
      "--study",
      study.id,
      "--topics",
      "Machine translation",
      "--n",
      "1",
      "--k",
      "1",
      "--model",
      "gpt-4o-mini",
    ];
    const stopped = await run([...args, "--budget", "0.0001"]);
    expect(stopped.code).toBe(3);
    const runId = /^Run (\S+)/.exec(stopped.stdout[0] ?? "")?.[1] ?? "";
    expect(stopped.stderr.join("\n")).toContain(`--resume ${runId} --budget`);
    const resumed = await run(["--study", study.id, "--resume", runId, "--budget", "1"]);
    expect(resumed.code).toBe(0);
    expect(getDb().select().from(generatedIdeas).all()).toHaveLength(1);
  });
});
