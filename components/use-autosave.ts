"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  type AutosaveState,
  autosaveDelay,
  autosaveReducer,
  initialAutosaveState,
  type SaveOutcome,
  type SaveProblem,
} from "@/lib/autosave";
import { newSaveKey } from "@/lib/save-key";

// One autosave for the idea and review editors: the rules are in lib/autosave.ts; this hook holds the
// text being edited, the last text the server confirmed, the version, and runs one save at a time.

/**
 * `saveId` is the write's idempotency key: kept until the server answers, so a retry after a lost
 * answer (a crash mid-save) is recognised as our own write instead of a conflict.
 */
export type AutosaveWrite<T, C> = (value: T, version: number, saveId: string) => Promise<SaveOutcome<C>>;

export function useAutosave<T, C = never>({
  initial,
  initialVersion,
  equal,
  save: write,
  delayMs,
  enabled,
  initialStatus = "idle",
}: {
  initial: T;
  initialVersion: number;
  equal: (a: T, b: T) => boolean;
  /** The draft save: the editor's server action, its result mapped to a SaveOutcome. */
  save: AutosaveWrite<T, C>;
  delayMs: number;
  enabled: boolean;
  initialStatus?: "idle" | "saved";
}) {
  const [value, setValue] = useState<T>(initial);
  const [state, dispatch] = useReducer(
    autosaveReducer<C>,
    initialStatus,
    (s) => initialAutosaveState<C>(s) as AutosaveState<C>,
  );
  // Refs, so a save never races another and always sends the newest text.
  const latest = useRef(initial);
  const lastSaved = useRef(initial);
  const version = useRef(initialVersion);
  const inflight = useRef<Promise<SaveOutcome<C>> | null>(null);
  const conflicted = useRef(false);
  const saveKey = useRef<string | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  const unsaved = useCallback(() => !equal(latest.current, lastSaved.current), [equal]);

  /** Runs one write (a draft save or a submit) after any in flight, and records what it returned. */
  const commit = useCallback(
    async (send: AutosaveWrite<T, C>): Promise<SaveOutcome<C>> => {
      while (inflight.current) await inflight.current.catch(() => null);
      const snapshot = latest.current;
      const run = (async (): Promise<SaveOutcome<C>> => {
        dispatch({ type: "start" });
        saveKey.current ??= newSaveKey();
        const outcome = await send(snapshot, version.current, saveKey.current).catch(
          (): SaveOutcome<C> => ({ kind: "offline", message: "Could not reach the server." }),
        );
        // The server answered: the next write is a new one. Unanswered, the retry reuses the key.
        if (outcome.kind !== "offline") saveKey.current = null;
        if (outcome.kind === "saved") {
          version.current = outcome.version;
          lastSaved.current = snapshot;
          dispatch({ type: "saved", savedAt: outcome.savedAt, unsaved: !equal(latest.current, snapshot) });
        } else if (outcome.kind === "conflict") {
          conflicted.current = true;
          dispatch({ type: "conflict", conflict: outcome.conflict });
        } else {
          dispatch({ type: "failed", problem: outcome });
        }
        return outcome;
      })();
      inflight.current = run;
      try {
        return await run;
      } finally {
        if (inflight.current === run) inflight.current = null;
      }
    },
    [equal],
  );

  /** Saves the draft now if anything is unsaved; true when nothing is left unsaved. */
  const save = useCallback(async (): Promise<boolean> => {
    if (!enabled || conflicted.current) return false;
    while (inflight.current) await inflight.current.catch(() => null);
    if (!unsaved()) return true;
    const outcome = await commit(writeRef.current);
    return outcome.kind === "saved" && !unsaved();
  }, [enabled, unsaved, commit]);
  const saveRef = useRef(save);
  saveRef.current = save;

  const edit = useCallback((next: T | ((prev: T) => T)) => {
    const v = typeof next === "function" ? (next as (prev: T) => T)(latest.current) : next;
    latest.current = v;
    setValue(v);
    dispatch({ type: "edit" });
  }, []);

  /** After a conflict: the stored text and version are `server`; keep mine (then save) or load theirs. */
  const resolve = useCallback(
    (server: { value: T; version: number }, keep: "mine" | "theirs") => {
      version.current = server.version;
      lastSaved.current = server.value;
      if (keep === "theirs") {
        latest.current = server.value;
        setValue(server.value);
      }
      conflicted.current = false;
      dispatch({ type: "resolved", unsaved: unsaved() });
      if (keep === "mine") void save();
    },
    [unsaved, save],
  );

  // Keyed on the delay alone: it changes on every save (through "saving") and every retry, but not
  // when more typing follows an unsaved edit, so typing does not postpone a pending save.
  const delay = autosaveDelay(state, { delayMs, enabled });
  useEffect(() => {
    if (delay === null) return;
    const timer = window.setTimeout(() => void saveRef.current(), delay);
    return () => window.clearTimeout(timer);
  }, [delay]);

  // Back online: try again at once instead of waiting out the retry delay.
  useEffect(() => {
    const retry = () => void saveRef.current();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, []);

  // Leaving with text the server has not confirmed (also while a save is in flight) asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (unsaved()) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const getLatest = useCallback(() => latest.current, []);
  const getVersion = useCallback(() => version.current, []);
  /** The server moved the version without changing the text (a withdrawal). */
  const setVersion = useCallback((v: number) => {
    version.current = v;
  }, []);

  return {
    value,
    ...state,
    edit,
    save,
    commit,
    resolve,
    unsaved,
    latest: getLatest,
    version: getVersion,
    setVersion,
  };
}

/**
 * Puts a save problem on the editor's one message line, replacing what was there, and takes it off
 * again once a save succeeds; a message the editor set since (after a submit) stays. Returns a test
 * for "this message is the save problem", for editors that clear their message on an edit.
 */
export function useProblemMessage(
  problem: SaveProblem | null,
  setMessage: (update: (current: string | null) => string | null) => void,
) {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (problem) {
      shown.current = problem.message;
      setMessage(() => problem.message);
    } else if (shown.current !== null) {
      const was = shown.current;
      shown.current = null;
      setMessage((m) => (m === was ? null : m));
    }
  }, [problem, setMessage]);
  return useCallback((message: string | null) => message !== null && message === shown.current, []);
}
