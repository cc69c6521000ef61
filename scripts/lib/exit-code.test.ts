import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { exitCodeOf } from "./exit-code";

function run(script: string): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script]);
    child.on("exit", (code, signal) => resolve([code, signal]));
  });
}

describe("exitCodeOf", () => {
  it("passes a child's own exit code through, 0 included", async () => {
    expect(exitCodeOf(...(await run("process.exit(3)")))).toBe(3);
    expect(exitCodeOf(...(await run("")))).toBe(0);
  });

  it("turns a child killed by a signal into a failure (128 + signal)", async () => {
    expect(exitCodeOf(...(await run("process.kill(process.pid, 'SIGKILL')")))).toBe(137);
    expect(exitCodeOf(...(await run("process.kill(process.pid, 'SIGTERM')")))).toBe(143);
  });
});
