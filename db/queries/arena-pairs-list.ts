import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs } from "../schema";

/** A study's scheduled pairs (ids only), oldest first; for seeding and scripts, not for judges. */
export function listArenaPairIds({ studyId }: { studyId: string }) {
  return withDbErrors(() =>
    getDb()
      .select({ id: arenaPairs.id, ideaAId: arenaPairs.ideaAId, ideaBId: arenaPairs.ideaBId })
      .from(arenaPairs)
      .where(eq(arenaPairs.studyId, studyId))
      .orderBy(asc(arenaPairs.createdAt), asc(arenaPairs.id))
      .all(),
  );
}
