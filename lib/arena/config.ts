import { z } from "zod";
import { type ArenaConfig, type ArenaCriterion, DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { formatCount } from "@/lib/format";
import { AVERAGE_CRITERION } from "./types";

// The arena's setup as an organizer edits it: criteria, which ideas take part, scheduling and the
// leaderboard's parameters. Every message names the field it is about, so the setup page can show it
// beside the input and the CLI or a test can read it as it is.

export const ARENA_MODES = ["round_robin", "adaptive", "swiss"] as const;

export const ARENA_MODE_LABELS: Record<ArenaConfig["mode"], string> = {
  round_robin: "Round-robin",
  adaptive: "Adaptive",
  swiss: "Swiss",
};

export const CRITERIA_MAX = 10;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const LABEL_MAX = 80;
const DESCRIPTION_MAX = 500;
export const SEED_MAX = 2_147_483_647;

/** Form fields arrive as text; "" means nothing was entered. */
const numberFromText = (v: unknown) => {
  if (typeof v !== "string") return v;
  const t = v.trim();
  return t === "" ? undefined : Number(t);
};

const wholeNumber = (label: string, min: number, max: number) => {
  const message = `${label}: enter a whole number from ${formatCount(min)} to ${formatCount(max)}.`;
  return z.preprocess(
    numberFromText,
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
};

const decimal = (label: string, min: number, max: number) => {
  const message = `${label}: enter a number from ${min} to ${max}.`;
  return z.preprocess(numberFromText, z.number({ error: message }).min(min, message).max(max, message));
};

const textList = (label: string) =>
  z.array(
    z
      .string({ error: `${label}: each entry must be text.` })
      .trim()
      .min(1, `${label}: an entry is empty.`),
    {
      error: `${label} must be a list.`,
    },
  );

/**
 * Criteria are checked by hand inside one refinement so that each message can say which criterion
 * (by number and key) it is about, and every problem is reported at once.
 */
const criteriaSchema = z
  .array(z.unknown(), { error: "Criteria must be a list." })
  .transform((raw, ctx): ArenaCriterion[] => {
    if (raw.length === 0) ctx.addIssue({ code: "custom", message: "Criteria: add at least one criterion." });
    if (raw.length > CRITERIA_MAX) {
      ctx.addIssue({
        code: "custom",
        message: `Criteria: ${raw.length} criteria; use at most ${CRITERIA_MAX}.`,
      });
    }
    const seen = new Set<string>();
    const out: ArenaCriterion[] = [];
    raw.forEach((item, i) => {
      const n = i + 1;
      const issue = (field: string | null, message: string) =>
        ctx.addIssue({ code: "custom", path: field ? [i, field] : [i], message });
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        issue(null, `Criterion ${n} must have a key, a label and a description.`);
        return;
      }
      const r = item as Record<string, unknown>;
      const key = typeof r.key === "string" ? r.key.trim() : "";
      const p = KEY_PATTERN.test(key) ? `Criterion ${n} ("${key}")` : `Criterion ${n}`;
      let ok = true;
      if (key === "") {
        issue("key", `Criterion ${n}: the key is empty; use snake_case such as "novelty".`);
        ok = false;
      } else if (!KEY_PATTERN.test(key)) {
        issue(
          "key",
          `Criterion ${n}: key "${key}" must be snake_case: a lower-case letter first, then a–z, 0–9 or _ (at most 40 characters).`,
        );
        ok = false;
      } else if (key === AVERAGE_CRITERION) {
        issue(
          "key",
          `Criterion ${n}: key "${key}" is reserved for the mean over criteria on the leaderboard.`,
        );
        ok = false;
      } else if (seen.has(key)) {
        issue("key", `Criterion ${n}: key "${key}" is already used by another criterion.`);
        ok = false;
      }
      seen.add(key);
      const label = typeof r.label === "string" ? r.label.trim() : "";
      if (label === "") {
        issue("label", `${p}: the label is empty.`);
        ok = false;
      } else if ([...label].length > LABEL_MAX) {
        issue("label", `${p}: the label has ${[...label].length} characters; use at most ${LABEL_MAX}.`);
        ok = false;
      }
      const rawDescription = r.description ?? "";
      const description = typeof rawDescription === "string" ? rawDescription.trim() : null;
      if (description === null) {
        issue("description", `${p}: the description must be text.`);
        ok = false;
      } else if ([...description].length > DESCRIPTION_MAX) {
        issue(
          "description",
          `${p}: the description has ${[...description].length} characters; use at most ${DESCRIPTION_MAX}.`,
        );
        ok = false;
      }
      if (ok) out.push({ key, label, description: description ?? "" });
    });
    return out;
  });

const booleanFromText = (v: unknown) => (v === "true" || v === "on" ? true : v === "false" ? false : v);

export const arenaConfigSchema = z.object({
  criteria: criteriaSchema,
  conditionKeys: textList("Conditions"),
  topicIds: textList("Topics"),
  sameTopic: z.preprocess(booleanFromText, z.boolean({ error: "Same-topic pairing: choose on or off." })),
  mode: z.enum(ARENA_MODES, {
    error: "Scheduling mode: choose round_robin, adaptive or swiss.",
  }),
  budget: wholeNumber("Pairs per round", 1, 10_000),
  seed: wholeNumber("Seed", 0, SEED_MAX),
  k: decimal("Elo K", 0.1, 100),
  bootstrap: wholeNumber("Bootstrap resamples", 0, 10_000),
});

export type ArenaConfigParse =
  | { ok: true; config: ArenaConfig }
  | { ok: false; errors: string[]; fieldErrors: Record<string, string[]> };

/** Checks a whole config (every key required; merge with the stored one first for a partial edit). */
export function parseArenaConfig(input: unknown): ArenaConfigParse {
  const result = arenaConfigSchema.safeParse(input);
  if (result.success) {
    const c = result.data;
    return {
      ok: true,
      config: { ...c, conditionKeys: [...new Set(c.conditionKeys)], topicIds: [...new Set(c.topicIds)] },
    };
  }
  const fieldErrors: Record<string, string[]> = {};
  const errors: string[] = [];
  for (const { path, message } of result.error.issues) {
    const key = path.length > 0 ? path.join(".") : "_form";
    // One number can fail several checks (0.5 is neither whole nor ≥ 1) that share one message.
    if (fieldErrors[key]?.includes(message)) continue;
    fieldErrors[key] = [...(fieldErrors[key] ?? []), message];
    errors.push(message);
  }
  return { ok: false, errors, fieldErrors };
}

const CONFIG_KEYS = Object.keys(DEFAULT_ARENA_CONFIG) as (keyof ArenaConfig)[];

/**
 * The stored config with defaults for missing keys. A stored value that no longer passes the checks
 * (written by an older version, or by hand) falls back to its default instead of breaking the page.
 */
export function readArenaConfig(stored: Record<string, unknown> | null | undefined): ArenaConfig {
  const config: ArenaConfig = structuredClone(DEFAULT_ARENA_CONFIG);
  if (!stored) return config;
  const target = config as Record<keyof ArenaConfig, unknown>;
  for (const key of CONFIG_KEYS) {
    if (!(key in stored)) continue;
    const parsed = parseArenaConfig({ ...DEFAULT_ARENA_CONFIG, [key]: stored[key] });
    if (parsed.ok) target[key] = parsed.config[key];
  }
  return config;
}

/** True when two criteria lists would store the same thing. */
export function sameCriteria(x: readonly ArenaCriterion[], y: readonly ArenaCriterion[]): boolean {
  return (
    x.length === y.length &&
    x.every((c, i) => c.key === y[i]?.key && c.label === y[i]?.label && c.description === y[i]?.description)
  );
}
