import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { generatedIdeas } from "@/db/schema";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { runIdeateCli } from "./ideate";

// `npm run ideate` starts the issue-14 agents too: they are found in the registry by id.

withMockModelEnv({ LLM_MAX_RETRIES: "0", LITERATURE_OFFLINE: "true" });

describe("npm run ideate with the overgenerate, RAG and direct agents", () => {
  it.each(["rag", "direct", "overgenerate"])("--agent %s writes the ideas and exits 0", async (agent) => {
    const { study } = makeIdeationStudy();
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runIdeateCli(
      ["--study", study.id, "--topics", "Machine translation", "--n", "2", "--budget", "2", "--agent", agent],
      { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(stdout.at(-1)).toMatch(/^\[Done\] 1\/1 topics · 2 ideas/);
    const written = getDb().select().from(generatedIdeas).all();
    expect(written.map((g) => g.agent)).toEqual([agent, agent]);
  });
});
