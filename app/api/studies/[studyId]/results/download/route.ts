import { z } from "zod";
import { computeStudyResults, getResultSnapshot, membersMayDownloadReviews } from "@/db/queries/results";
import { AppError } from "@/lib/errors";
import { RESULT_FILES, REVIEWS_FILE } from "@/lib/stats/study-results";
import { guardedRoute } from "@/server/auth/guarded-handlers";

// GET /api/studies/:studyId/results/download?file=significance.csv|.tex|.md|descriptives.csv|agreement.csv|
// topics.csv|reviews.csv|mixed-model.R & (baseline=…&correction=…&family=… | snapshot=<id>)
// Live results for organizers; a published snapshot's stored file for every member (reviews.csv only
// where the organizer shared it when publishing). No BOM, so
// each file is byte for byte what `npm run stats` writes from the same reviews.csv.
export const GET = guardedRoute(
  {
    study: { roles: "member" },
    schema: z.object({
      file: z.enum(RESULT_FILES, { error: `file must be one of ${RESULT_FILES.join(", ")}.` }),
      snapshot: z.uuid({ error: "snapshot must be a snapshot id." }).optional(),
      baseline: z.string().max(200).optional(),
      correction: z.string().max(40).optional(),
      family: z.string().max(40).optional(),
    }),
  },
  ({ study, roles, input }) => {
    if (!study) throw new AppError("not_found:study");
    let content: string | undefined;
    if (input.snapshot !== undefined) {
      const snapshot = getResultSnapshot({ studyId: study.id, snapshotId: input.snapshot });
      if (!snapshot) throw new AppError("not_found:result_snapshot", "This snapshot does not exist.");
      // The per-review table names each idea's condition next to every rationale: members get it
      // only when the organizer ticked it at publishing.
      if (input.file === REVIEWS_FILE && !roles.includes("organizer") && !membersMayDownloadReviews(snapshot))
        throw new AppError(
          "forbidden:result_file",
          "The organizers published the summary tables only; the per-review table is not shared.",
        );
      content = snapshot.files[input.file];
    } else {
      if (!roles.includes("organizer"))
        throw new AppError(
          "forbidden:study_role",
          "Only organizers can download unpublished results; ask for a published snapshot.",
        );
      const { baseline, correction, family } = input;
      content = computeStudyResults({ studyId: study.id, params: { baseline, correction, family } }).files[
        input.file
      ];
    }
    if (content === undefined)
      throw new AppError("not_found:result_file", `This snapshot has no ${input.file}.`);
    const type = input.file.endsWith(".csv")
      ? "text/csv; charset=utf-8"
      : input.file.endsWith(".md")
        ? "text/markdown; charset=utf-8"
        : "text/plain; charset=utf-8";
    return new Response(content, {
      headers: {
        "content-type": type,
        "content-disposition": `attachment; filename="${input.file}"`,
        "cache-control": "no-store",
      },
    });
  },
);
