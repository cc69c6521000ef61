import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { checkLeaks } from "@/lib/ideas/leak-check";
import { cleanRewriteIds, normalizationPhaseProblem } from "@/lib/ideas/normalization-queue";
import { getStudyTemplate } from "@/lib/ideas/template";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas } from "../schema";
import { listLeakPeople } from "./idea-leaks";
import { loadStudy, logEvent } from "./study-shared";

// Bulk accept on the normalization list: the organizer confirms a list of ideas whose rewrites have
// no leak-check hits; in one transaction each is checked again (still submitted, rewrite finished,
// undecided, no hits) and accepted. Ideas that no longer qualify are left as they are and counted;
// an id that is not a submitted idea of the study refuses the whole request.

const MAX_IDS = 5000;

export function acceptCleanRewrites({
  studyId,
  ideaIds,
  actorId = null,
}: {
  studyId: string;
  ideaIds: string[];
  actorId?: string | null;
}): { accepted: number; skipped: number } {
  const wanted = [...new Set(ideaIds)];
  if (wanted.length === 0) throw new AppError("invalid:input", "Choose at least one idea to accept.");
  if (wanted.length > MAX_IDS)
    throw new AppError("invalid:input", `Accept at most ${MAX_IDS} ideas at once.`);
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudy(tx, studyId);
        const problem = normalizationPhaseProblem(study.status);
        if (problem) throw new AppError("conflict:phase", problem);
        const template = getStudyTemplate(study);
        const people = listLeakPeople({ studyId });
        const rows = [];
        for (let i = 0; i < wanted.length; i += 500) {
          rows.push(
            ...tx
              .select({
                id: ideas.id,
                normalizedFields: ideas.normalizedFields,
                normalizationState: ideas.normalizationState,
                normalizationReview: ideas.normalizationReview,
                reviewTextSource: ideas.reviewTextSource,
              })
              .from(ideas)
              .where(
                and(
                  eq(ideas.studyId, studyId),
                  eq(ideas.status, "submitted"),
                  inArray(ideas.id, wanted.slice(i, i + 500)),
                ),
              )
              .all(),
          );
        }
        if (rows.length < wanted.length) {
          const missing = wanted.length - rows.length;
          throw new AppError(
            "not_found:idea",
            `${missing === 1 ? "One chosen idea is" : `${missing} chosen ideas are`} not a submitted idea of this study; reload the page.`,
          );
        }
        const hits = new Map(
          rows.map((r) => [
            r.id,
            r.normalizedFields ? checkLeaks({ fields: r.normalizedFields, template, people }).length : 1,
          ]),
        );
        const ids = cleanRewriteIds(rows, (id) => hits.get(id) ?? 1);
        const now = Date.now();
        for (let i = 0; i < ids.length; i += 500) {
          tx.update(ideas)
            .set({ normalizationReview: "accepted", reviewTextSource: "normalized", updatedAt: now })
            .where(and(eq(ideas.studyId, studyId), inArray(ideas.id, ids.slice(i, i + 500))))
            .run();
        }
        if (ids.length > 0) {
          logEvent(tx, {
            studyId,
            actorId,
            kind: "normalization_bulk_accept",
            detail: { accepted: ids.length },
          });
        }
        return { accepted: ids.length, skipped: wanted.length - ids.length };
      },
      { behavior: "immediate" },
    ),
  );
}
