// The exit status of a wrapper that ran a child: the child's own code, or for a child killed by a
// signal the shell's convention 128 + signal number (SIGKILL → 137, SIGTERM → 143), so a supervisor
// (systemd Restart=on-failure, Docker restart policies) sees a crash as a failure, never as 0.
import os from "node:os";

export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  if (signal) return 128 + (os.constants.signals[signal] ?? 0);
  return 1;
}
