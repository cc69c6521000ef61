import { describe, expect, it } from "vitest";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosaveDelay,
  autosaveReducer,
  initialAutosaveState,
} from "./autosave";

type Conflict = { version: number };

function run(events: AutosaveEvent<Conflict>[], from = initialAutosaveState<Conflict>()) {
  return events.reduce<AutosaveState<Conflict>>(autosaveReducer, from);
}

const timing = { delayMs: 2000, enabled: true };
const offline = { type: "failed", problem: { kind: "offline", message: "No connection." } } as const;
const refused = { type: "failed", problem: { kind: "refused", message: "Too long." } } as const;

describe("autosave state machine", () => {
  it("an edit makes the text dirty and schedules a save after the delay", () => {
    const s = run([{ type: "edit" }]);
    expect(s.status).toBe("dirty");
    expect(autosaveDelay(s, timing)).toBe(2000);
    expect(autosaveDelay(initialAutosaveState(), timing)).toBeNull();
  });

  it("schedules nothing while autosave is off (read-only, or a submitted review)", () => {
    expect(autosaveDelay(run([{ type: "edit" }]), { ...timing, enabled: false })).toBeNull();
  });

  it("ends saved, or dirty again when the text changed while the save was in flight", () => {
    const saved = run([{ type: "edit" }, { type: "start" }, { type: "saved", savedAt: 5, unsaved: false }]);
    expect(saved).toMatchObject({ status: "saved", savedAt: 5, problem: null });
    expect(autosaveDelay(saved, timing)).toBeNull();
    const again = run([{ type: "edit" }, { type: "start" }, { type: "saved", savedAt: 5, unsaved: true }]);
    expect(again.status).toBe("dirty");
    expect(autosaveDelay(again, timing)).toBe(2000);
  });

  it("retries a save that could not reach the server with doubling waits, at most five times", () => {
    let s = run([{ type: "edit" }]);
    const waits: (number | null)[] = [];
    for (let i = 0; i < 7; i++) {
      s = run([{ type: "start" }, offline], s);
      waits.push(autosaveDelay(s, timing));
    }
    expect(waits).toEqual([2000, 4000, 8000, 16_000, 32_000, null, null]);
    expect(autosaveDelay(run([{ type: "start" }, offline], s), { ...timing, maxDelayMs: 5000 })).toBeNull();
    expect(s.problem?.kind).toBe("offline");
    // A new edit starts a fresh budget.
    expect(autosaveDelay(run([{ type: "edit" }], s), timing)).toBe(2000);
  });

  it("caps the retry wait", () => {
    const s = run([{ type: "edit" }, offline, offline, offline, offline]);
    expect(autosaveDelay(s, { ...timing, maxDelayMs: 5000 })).toBe(5000);
  });

  it("does not retry a save the server refused until the next edit", () => {
    const s = run([{ type: "edit" }, { type: "start" }, refused]);
    expect(s).toMatchObject({ status: "error", problem: { kind: "refused", message: "Too long." } });
    expect(autosaveDelay(s, timing)).toBeNull();
    const edited = run([{ type: "edit" }], s);
    expect(autosaveDelay(edited, timing)).toBe(2000);
    // The problem stays shown until a save succeeds.
    expect(edited.problem?.message).toBe("Too long.");
    expect(
      run([{ type: "start" }, { type: "saved", savedAt: 9, unsaved: false }], edited).problem,
    ).toBeNull();
  });

  it("a conflict stops autosave, survives further edits, and ends when resolved", () => {
    const s = run([{ type: "edit" }, { type: "start" }, { type: "conflict", conflict: { version: 4 } }]);
    expect(s).toMatchObject({ status: "conflict", conflict: { version: 4 } });
    expect(autosaveDelay(s, timing)).toBeNull();
    const typed = run([{ type: "edit" }], s);
    expect(typed.status).toBe("conflict");
    expect(autosaveDelay(typed, timing)).toBeNull();
    expect(run([{ type: "resolved", unsaved: true }], typed)).toMatchObject({
      status: "dirty",
      conflict: null,
    });
    expect(run([{ type: "resolved", unsaved: false }], typed)).toMatchObject({
      status: "saved",
      conflict: null,
    });
  });

  it("starts idle or saved as the editor asks", () => {
    expect(initialAutosaveState().status).toBe("idle");
    expect(initialAutosaveState("saved").status).toBe("saved");
  });
});
