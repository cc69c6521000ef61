import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../../client";
import { withDbErrors } from "../../errors";
import { studies } from "../../schema";

export const CUTOFF_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Sets (or with null clears) a study's literature cut-off; the caller has checked the organizer role. */
export function setLiteratureCutoff({ studyId, cutoff }: { studyId: string; cutoff: string | null }) {
  if (cutoff != null && (!CUTOFF_PATTERN.test(cutoff) || Number.isNaN(Date.parse(cutoff)))) {
    throw new AppError("invalid:cutoff", "The cut-off must be a date written YYYY-MM-DD.", {
      fieldErrors: { cutoff: ["Use YYYY-MM-DD."] },
    });
  }
  const r = withDbErrors(() =>
    getDb()
      .update(studies)
      .set({ literatureCutoff: cutoff, updatedAt: Date.now() })
      .where(eq(studies.id, studyId))
      .run(),
  );
  if (r.changes === 0) throw new AppError("not_found:study");
}

export function getLiteratureCutoff({ studyId }: { studyId: string }): string | null {
  return (
    getDb().select({ c: studies.literatureCutoff }).from(studies).where(eq(studies.id, studyId)).get()?.c ??
    null
  );
}
