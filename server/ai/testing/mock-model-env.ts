import { afterEach, beforeEach, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { resetEnvForTests } from "@/lib/env";
import { resetMockModelState } from "@/server/ai/mock-model";

/**
 * For a test file that runs model calls: before each test, a fresh test database, the mock provider
 * (deterministic) with `env` on top (e.g. LLM_CACHE, LLM_MAX_RETRIES, LITERATURE_OFFLINE) and the
 * mock's one-shot failures forgotten; after each, the environment as it was.
 */
export function withMockModelEnv(env: Record<string, string> = {}): void {
  beforeEach(() => {
    vi.stubEnv("LLM_PROVIDER", "mock");
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    resetEnvForTests();
    resetTestDb();
    resetMockModelState();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });
}
