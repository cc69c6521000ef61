import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { plural } from "@/lib/format";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, topics } from "../schema";
import type { StudySettings } from "./study-settings";
import {
  conditionColumns,
  countIdeas,
  ideasPer,
  loadStudy,
  logEvent,
  parse,
  topicColumns,
} from "./study-shared";

// --- topics and conditions ------------------------------------------------------------------------

const optionalId = z.string().trim().min(1).max(100).optional();

/** Flags the second and later occurrences of a value (compared case-insensitively). */
function flagDuplicates(
  values: string[],
  ctx: z.RefinementCtx,
  field: string,
  messageFor: (value: string, first: number) => string,
) {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const norm = value.toLowerCase();
    const first = seen.get(norm);
    if (first !== undefined)
      ctx.addIssue({ code: "custom", path: [i, field], message: messageFor(value, first) });
    else seen.set(norm, i);
  });
}

export const topicsInputSchema = z
  .array(
    z.object({
      /** Present for an existing topic; absent for a new one. */
      id: optionalId,
      name: z.string().trim().min(1, "Enter a topic name.").max(200, "Use at most 200 characters."),
      description: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
    }),
  )
  .max(100, "Use at most 100 topics.")
  .superRefine((items, ctx) => {
    flagDuplicates(
      items.map((t) => t.name),
      ctx,
      "name",
      (v, first) => `Duplicate topic name "${v}" (also topic ${first + 1}).`,
    );
    flagDuplicates(
      items.map((t) => t.id ?? `new-${crypto.randomUUID()}`),
      ctx,
      "id",
      () => "The same topic appears twice.",
    );
  });
export type TopicInput = z.input<typeof topicsInputSchema>[number];

/** How the settings form names topic fields in messages ("Topic 2: enter a topic name."). */
export const TOPIC_LABELS = {
  "*": "Topic {1}",
  "*.name": "Topic {1}",
  "*.description": "Topic {1} description",
} as const;

export const CONDITION_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const conditionsInputSchema = z
  .array(
    z.object({
      id: optionalId,
      key: z
        .string()
        .trim()
        .regex(
          CONDITION_KEY_PATTERN,
          "Use letters, digits and _ for the key (start with a letter, at most 40).",
        ),
      label: z.string().trim().min(1, "Enter a label.").max(100, "Use at most 100 characters."),
      isBaseline: z.boolean().default(false),
    }),
  )
  .min(1, "Add at least one condition.")
  .max(20, "Use at most 20 conditions.")
  .superRefine((items, ctx) => {
    flagDuplicates(
      items.map((c) => c.key),
      ctx,
      "key",
      (v, first) => `Duplicate condition key "${v}" (also condition ${first + 1}).`,
    );
    flagDuplicates(
      items.map((c) => c.id ?? `new-${crypto.randomUUID()}`),
      ctx,
      "id",
      () => "The same condition appears twice.",
    );
    const baselines = items.filter((c) => c.isBaseline);
    if (items.length > 0 && baselines.length === 0) {
      ctx.addIssue({ code: "custom", path: [], message: "Mark one condition as the baseline." });
    } else if (baselines.length > 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `Only one condition can be the baseline (now: ${baselines.map((c) => c.key).join(", ")}).`,
      });
    }
  });
export type ConditionInput = z.input<typeof conditionsInputSchema>[number];

export const CONDITION_LABELS = {
  "*": "Condition {1}",
  "*.key": "Condition {1} key",
  "*.label": "Condition {1} label",
} as const;

function lockedError(problems: { field: string; message: string }[]): AppError {
  const fieldErrors: FieldErrors = {};
  for (const p of problems) fieldErrors[p.field] = [...(fieldErrors[p.field] ?? []), p.message];
  return new AppError("conflict:settings_locked", problems.map((p) => p.message).join(" "), { fieldErrors });
}

function unknownRowError(kind: "topic" | "condition", index: number) {
  return new AppError(
    `invalid:${kind}s`,
    `${kind === "topic" ? "Topic" : "Condition"} ${index + 1} is no longer in this study; reload the page.`,
    { fieldErrors: { [`${index}.id`]: [`This ${kind} is no longer in the study.`] } },
  );
}

// A placeholder no person types, so renames that swap two names never collide with the unique index.
const placeholder = (id: string) => `\u0000${id}`;

type Problem = { field: string; message: string };

/**
 * What replacing topics and replacing conditions share: items with an id update that row, items
 * without one are added, rows left out are removed. The pinned value (a topic's name, a condition's
 * key) cannot change, and the row cannot go, once an idea uses it; every refusal is collected and
 * thrown together, before anything is written. Writes park renamed rows under a placeholder first.
 * Returns the removed rows.
 */
function replaceRows<Row extends { id: string }, Item extends { id?: string }>({
  kind,
  existing,
  next,
  used,
  pinned,
  renameRefused,
  moreProblems = () => [],
  write,
}: {
  kind: "topic" | "condition";
  existing: Row[];
  next: Item[];
  /** Ideas per row id. */
  used: Map<string, number>;
  pinned: { field: string; of: (x: Row | Item) => string };
  renameRefused: (old: Row, ideas: number) => string;
  moreProblems?: (byId: Map<string, Row>) => Problem[];
  write: {
    remove: (id: string) => void;
    park: (id: string) => void;
    save: (item: Item, position: number) => void;
  };
}): Row[] {
  const byId = new Map(existing.map((r) => [r.id, r]));
  const label = kind === "topic" ? "Topic" : "Condition";
  const problems: Problem[] = [];
  next.forEach((item, i) => {
    if (item.id === undefined) return;
    const old = byId.get(item.id);
    if (!old) throw unknownRowError(kind, i);
    const n = used.get(item.id) ?? 0;
    if (n > 0 && pinned.of(old) !== pinned.of(item)) {
      problems.push({ field: `${i}.${pinned.field}`, message: renameRefused(old, n) });
    }
  });
  const keep = new Set(next.flatMap((item) => (item.id ? [item.id] : [])));
  const removed = existing.filter((r) => !keep.has(r.id));
  for (const r of removed) {
    const n = used.get(r.id) ?? 0;
    if (n > 0) {
      problems.push({
        field: "_form",
        message: `${label} "${pinned.of(r)}" is used by ${plural(n, "idea")} and cannot be removed.`,
      });
    }
  }
  problems.push(...moreProblems(byId));
  if (problems.length > 0) throw lockedError(problems);

  for (const r of removed) write.remove(r.id);
  for (const item of next) {
    const old = item.id ? byId.get(item.id) : undefined;
    if (item.id && old && pinned.of(old) !== pinned.of(item)) write.park(item.id);
  }
  for (const [position, item] of next.entries()) write.save(item, position);
  return removed;
}

/**
 * Replaces the study's topics with `items` (in order): items with an id update that topic, items
 * without one are added, topics left out are removed. Removing or renaming a topic that an idea
 * uses is refused, naming the topic; descriptions and order stay editable.
 */
export function replaceTopics({
  studyId,
  actorId,
  items,
}: {
  studyId: string;
  actorId: string;
  /** TopicInput[], validated here. */
  items: unknown;
}): StudySettings["topics"] {
  const next = parse("invalid:topics", topicsInputSchema, items, TOPIC_LABELS);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const removed = replaceRows({
          kind: "topic",
          existing: tx.select(topicColumns).from(topics).where(eq(topics.studyId, studyId)).all(),
          next,
          used: ideasPer(tx, studyId, ideas.topicId),
          pinned: { field: "name", of: (t) => t.name },
          renameRefused: (old, n) =>
            `Topic "${old.name}" is used by ${plural(n, "idea")} and cannot be renamed; edit its description instead.`,
          write: {
            remove: (id) => tx.delete(topics).where(eq(topics.id, id)).run(),
            park: (id) =>
              tx
                .update(topics)
                .set({ name: placeholder(id) })
                .where(eq(topics.id, id))
                .run(),
            save: (item, position) => {
              const values = { name: item.name, description: item.description, position };
              if (item.id) tx.update(topics).set(values).where(eq(topics.id, item.id)).run();
              else
                tx.insert(topics)
                  .values({ ...values, studyId })
                  .run();
            },
          },
        });
        logEvent(tx, {
          studyId,
          actorId,
          kind: "settings_changed",
          detail: {
            section: "topics",
            added: next.filter((t) => !t.id).map((t) => t.name),
            removed: removed.map((t) => t.name),
          },
        });
        return tx
          .select(topicColumns)
          .from(topics)
          .where(eq(topics.studyId, studyId))
          .orderBy(asc(topics.position))
          .all();
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Replaces the study's conditions like replaceTopics. Once an idea uses a condition it cannot be
 * removed or get a new key; once any idea exists the baseline cannot move. Labels stay editable.
 */
export function replaceConditions({
  studyId,
  actorId,
  items,
}: {
  studyId: string;
  actorId: string;
  /** ConditionInput[], validated here. */
  items: unknown;
}): StudySettings["conditions"] {
  const next = parse("invalid:conditions", conditionsInputSchema, items, CONDITION_LABELS);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const ideaCount = countIdeas(tx, studyId);
        const removed = replaceRows({
          kind: "condition",
          existing: tx.select(conditionColumns).from(conditions).where(eq(conditions.studyId, studyId)).all(),
          next,
          used: ideasPer(tx, studyId, ideas.conditionId),
          pinned: { field: "key", of: (c) => c.key },
          renameRefused: (old, n) =>
            `Condition "${old.key}" is used by ${plural(n, "idea")}; its key cannot change (edit its label instead).`,
          moreProblems: (byId) => {
            const oldBaseline = [...byId.values()].find((c) => c.isBaseline);
            const newBaseline = next.find((c) => c.isBaseline);
            if (ideaCount === 0 || !oldBaseline || newBaseline?.id === oldBaseline.id) return [];
            return [
              {
                field: "_form",
                message: `The baseline is locked: ${plural(ideaCount, "idea")} already ${ideaCount === 1 ? "exists" : "exist"}, so "${oldBaseline.key}" stays the baseline.`,
              },
            ];
          },
          write: {
            remove: (id) => tx.delete(conditions).where(eq(conditions.id, id)).run(),
            park: (id) =>
              tx
                .update(conditions)
                .set({ key: placeholder(id) })
                .where(eq(conditions.id, id))
                .run(),
            save: (item, position) => {
              const values = { key: item.key, label: item.label, isBaseline: item.isBaseline, position };
              if (item.id) tx.update(conditions).set(values).where(eq(conditions.id, item.id)).run();
              else
                tx.insert(conditions)
                  .values({ ...values, studyId })
                  .run();
            },
          },
        });
        logEvent(tx, {
          studyId,
          actorId,
          kind: "settings_changed",
          detail: {
            section: "conditions",
            added: next.filter((c) => !c.id).map((c) => c.key),
            removed: removed.map((c) => c.key),
          },
        });
        return tx
          .select(conditionColumns)
          .from(conditions)
          .where(eq(conditions.studyId, studyId))
          .orderBy(asc(conditions.position))
          .all();
      },
      { behavior: "immediate" },
    ),
  );
}
