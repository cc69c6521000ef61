import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { getJobRunner } from "./runner";
import { setRemoteRunnerWaker, wakeAnyRunner } from "./runner-link";

describe("wakeAnyRunner", () => {
  beforeEach(() => resetTestDb());
  afterEach(async () => {
    setRemoteRunnerWaker(undefined);
    await getJobRunner().stop();
  });

  it("asks the runner of another server process when this one runs no jobs", () => {
    const remote = vi.fn();
    setRemoteRunnerWaker(remote);
    const local = getJobRunner(); // created (as /api/health does) but never started
    const wake = vi.spyOn(local, "wake");
    wakeAnyRunner();
    expect(remote).toHaveBeenCalledTimes(1);
    expect(wake).not.toHaveBeenCalled();
  });

  it("wakes this process's runner when it runs one, and nobody else", () => {
    const remote = vi.fn();
    setRemoteRunnerWaker(remote);
    const local = getJobRunner();
    local.start();
    const wake = vi.spyOn(local, "wake");
    wakeAnyRunner();
    expect(wake).toHaveBeenCalledTimes(1);
    expect(remote).not.toHaveBeenCalled();
  });
});
