import { z } from "zod";
import { getArenaSnapshot, getLiveArenaResults } from "@/db/queries/arena-results";
import { ARENA_FILE_NAMES } from "@/lib/arena/leaderboard-outputs";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedRoute } from "@/server/auth/guarded-handlers";

// GET /api/studies/:studyId/arena/download?file=matches.csv|ratings.csv|winrates.csv|agreement.csv
// [&snapshot=<id>] — the live leaderboard's files (organizers) or a published snapshot's (members).
// Plain UTF-8 without a BOM: byte for byte what `npm run arena` writes for the same matches.csv.
export const GET = guardedRoute(
  {
    study: { roles: "member" },
    schema: z.object({
      file: z.enum(ARENA_FILE_NAMES, { error: `file must be one of ${ARENA_FILE_NAMES.join(", ")}.` }),
      snapshot: uuidSchema.optional(),
    }),
  },
  ({ study, roles, input }) => {
    if (!study) throw new AppError("not_found:study");
    let content: string;
    let label: string;
    if (input.snapshot) {
      const snapshot = getArenaSnapshot({ studyId: study.id, snapshotId: input.snapshot });
      if (!snapshot)
        throw new AppError("not_found:arena_snapshot", "This published leaderboard does not exist.");
      content = snapshot.files[input.file];
      label = `snapshot-${snapshot.id.slice(0, 8)}`;
    } else {
      if (!roles.includes("organizer")) {
        throw new AppError(
          "forbidden:study_role",
          "Only organizers can download the live leaderboard; members can download published snapshots.",
        );
      }
      content = getLiveArenaResults({ studyId: study.id }).files[input.file];
      label = "live";
    }
    const name = `arena-${study.id.slice(0, 8)}-${label}-${input.file}`;
    return new Response(content, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
);
