// The autosave state machine shared by the idea editor and the review editor, kept pure so it can be
// tested without a browser; components/use-autosave.ts wires it to React, timers and the server.
//
// The rules (the stricter of the two editors' former behaviour in each case):
// - A change is saved `delayMs` after the first unsaved edit; more typing does not postpone it, so a
//   steady typist still gets a save every `delayMs` (as both editors did).
// - A save the server could not be reached for is retried with doubling waits, at most `maxRetries`
//   times; a save the server refused (bad input, phase closed, stale version) is not retried until the
//   next edit or an explicit save, since the same request would only be refused again.
// - A version conflict stops autosave until the person chooses which text to keep.
// - The problem of a failed save stays shown until a save succeeds; a new edit does not hide it.

export type AutosaveStatus = "idle" | "dirty" | "saving" | "saved" | "error" | "conflict";

export type SaveProblem = { kind: "offline" | "refused"; message: string };

export type AutosaveState<C> = {
  status: AutosaveStatus;
  /** Consecutive saves that could not reach the server; reset by an edit or a success. */
  failures: number;
  problem: SaveProblem | null;
  /** The other version, while the person has to choose between theirs and the stored one. */
  conflict: C | null;
  savedAt: number | null;
};

export type AutosaveEvent<C> =
  | { type: "edit" }
  | { type: "start" }
  | { type: "saved"; savedAt: number; unsaved: boolean }
  | { type: "failed"; problem: SaveProblem }
  | { type: "conflict"; conflict: C }
  | { type: "resolved"; unsaved: boolean };

/** What a save (or a submit) told the hook. */
export type SaveOutcome<C> =
  | { kind: "saved"; version: number; savedAt: number }
  | { kind: "conflict"; conflict: C }
  | SaveProblem;

export function initialAutosaveState<C>(status: "idle" | "saved" = "idle"): AutosaveState<C> {
  return { status, failures: 0, problem: null, conflict: null, savedAt: null };
}

export function autosaveReducer<C>(state: AutosaveState<C>, event: AutosaveEvent<C>): AutosaveState<C> {
  switch (event.type) {
    case "edit":
      // A conflict stays until it is resolved; any other state now has unsaved text.
      if (state.status === "conflict") return state;
      return { ...state, status: "dirty", failures: 0 };
    case "start":
      return { ...state, status: "saving" };
    case "saved":
      return {
        ...state,
        status: event.unsaved ? "dirty" : "saved",
        failures: 0,
        problem: null,
        savedAt: event.savedAt,
      };
    case "failed":
      return {
        ...state,
        status: "error",
        failures: event.problem.kind === "offline" ? state.failures + 1 : state.failures,
        problem: event.problem,
      };
    case "conflict":
      return { ...state, status: "conflict", conflict: event.conflict, failures: 0 };
    case "resolved":
      return { ...state, status: event.unsaved ? "dirty" : "saved", conflict: null, problem: null };
  }
}

export type AutosaveTiming = {
  delayMs: number;
  /** False while saving automatically is not allowed (read-only, or a submitted review). */
  enabled: boolean;
  maxRetries?: number;
  maxDelayMs?: number;
};

export const AUTOSAVE_MAX_RETRIES = 5;
export const AUTOSAVE_MAX_DELAY_MS = 60_000;

/** Milliseconds until the next automatic save, or null when none should happen. */
export function autosaveDelay<C>(
  state: AutosaveState<C>,
  { delayMs, enabled, maxRetries = AUTOSAVE_MAX_RETRIES, maxDelayMs = AUTOSAVE_MAX_DELAY_MS }: AutosaveTiming,
): number | null {
  if (!enabled) return null;
  if (state.status === "dirty") return delayMs;
  if (state.status === "error" && state.problem?.kind === "offline" && state.failures <= maxRetries) {
    return Math.min(maxDelayMs, delayMs * 2 ** (state.failures - 1));
  }
  return null;
}
