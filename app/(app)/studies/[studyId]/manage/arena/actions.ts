"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateArenaConfig } from "@/db/queries/arena-config";
import { clearUnjudgedArenaPairs, scheduleArenaPairs } from "@/db/queries/arena-schedule";
import { AppError, isAppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { guardedAction, guardedCall } from "@/server/auth/guarded-handlers";

// The organizer's arena setup. Each action hands the raw values to the query, which checks the whole
// config and names the field in its refusal (see lib/arena/config.ts).

const organizer = { study: { roles: ["organizer"] as const } };

function refresh(studyId: string) {
  revalidatePath(`/studies/${studyId}/manage/arena`);
  revalidatePath(`/studies/${studyId}/arena`);
}

/** The list editor reports row problems under `items.<i>`; the config names them `criteria.<i>`. */
function asItemErrors(e: unknown): never {
  if (isAppError(e) && e.fieldErrors) {
    const fieldErrors = Object.fromEntries(
      Object.entries(e.fieldErrors).map(([k, v]) => [k.replace(/^criteria\./, "items."), v]),
    );
    throw new AppError(e.code, e.message, { fieldErrors });
  }
  throw e;
}

export const saveCriteriaAction = guardedCall(
  {
    ...organizer,
    schema: z.object({ items: z.array(z.unknown(), { error: "Send the criteria as a list." }) }),
  },
  ({ study, user, input }) => {
    try {
      const config = updateArenaConfig({
        studyId: study.id,
        actorId: user.id,
        patch: { criteria: input.items },
      });
      refresh(study.id);
      return { count: config.criteria.length };
    } catch (e) {
      asItemErrors(e);
    }
  },
);

/** Checkbox groups arrive as one value, several, or none at all. */
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const saveArenaSettingsAction = guardedAction(organizer, ({ study, user, raw }) => {
  const form = raw as Record<string, unknown>;
  updateArenaConfig({
    studyId: study.id,
    actorId: user.id,
    patch: {
      conditionKeys: list(form.conditionKeys),
      topicIds: list(form.topicIds),
      // An unticked checkbox is absent from FormData.
      sameTopic: form.sameTopic === "on",
      mode: form.mode,
      budget: form.budget,
      seed: form.seed,
      k: form.k,
      bootstrap: form.bootstrap,
    },
  });
  refresh(study.id);
  return "Saved.";
});

export const schedulePairsAction = guardedAction(organizer, ({ study, user }) => {
  const r = scheduleArenaPairs({ studyId: study.id, actorId: user.id });
  refresh(study.id);
  if (r.added === 0) {
    return r.mode === "round_robin"
      ? "Nothing new to schedule: every pair of the ideas taking part is already scheduled."
      : "Nothing new to schedule: no pair is left that has not been scheduled already.";
  }
  return `Scheduled ${plural(r.added, "pair")} (round ${r.round}) among ${plural(r.participants, "idea")}.`;
});

export const clearPairsAction = guardedAction(organizer, ({ study, user }) => {
  const n = clearUnjudgedArenaPairs({ studyId: study.id, actorId: user.id });
  refresh(study.id);
  return n === 0
    ? "Every scheduled pair has been judged or skipped; nothing was removed."
    : `Removed ${plural(n, "pair")}.`;
});
