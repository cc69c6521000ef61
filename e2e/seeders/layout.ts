import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { saveNormalizationResult } from "@/db/queries/ideas-normalization";
import { ideas } from "@/db/schema";

// Text for the layout tests (mobile reviewer pages, the judge board with long ideas): the idea's
// review text replaced by these fields and accepted, as the organizer's decision would leave it.

export function seedAcceptedText({
  ideaId,
  fields,
}: {
  ideaId: string;
  fields: Record<string, string>;
}): null {
  saveNormalizationResult({ ideaId, normalizedFields: fields });
  getDb()
    .update(ideas)
    .set({ normalizationReview: "accepted", reviewTextSource: "normalized" })
    .where(eq(ideas.id, ideaId))
    .run();
  return null;
}
