import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { PaperReading } from "@/lib/ai/prompts/read-paper";
import type { PaperReadingSource, StoredReading } from "@/lib/chains/stored";
import { getDb } from "../../client";
import { withDbErrors } from "../../errors";
import { paperReadings, paperTexts } from "../../schema";

// Paper readings (one per paper, model and source) and uploaded full texts. The caller has checked
// that the paper is visible to the study it acts for (getVisiblePaper / the PaperStore).

export function getReading({
  paperId,
  model,
  source,
}: {
  paperId: string;
  model: string;
  source: PaperReadingSource;
}): PaperReading | null {
  const row = getDb()
    .select({ reading: paperReadings.reading })
    .from(paperReadings)
    .where(
      and(
        eq(paperReadings.paperId, paperId),
        eq(paperReadings.model, model),
        eq(paperReadings.source, source),
      ),
    )
    .get();
  return row?.reading ?? null;
}

/** Stores a reading; a concurrent reader's row, if first, is kept (same paper, model and source). */
export function saveReading(row: {
  paperId: string;
  model: string;
  source: PaperReadingSource;
  reading: PaperReading;
  llmCallId: string | null;
  now?: number;
}) {
  withDbErrors(
    () =>
      getDb()
        .insert(paperReadings)
        .values({ ...row, createdAt: row.now ?? Date.now() })
        .onConflictDoNothing()
        .run(),
    { action: "saving a paper reading" },
  );
}

/** The best reading each paper has with `model`: full text over abstract. */
export function getReadings({ paperIds, model }: { paperIds: string[]; model: string }) {
  const out = new Map<string, StoredReading>();
  if (paperIds.length === 0) return out;
  const rows = getDb()
    .select()
    .from(paperReadings)
    .where(and(inArray(paperReadings.paperId, paperIds), eq(paperReadings.model, model)))
    .all();
  for (const r of rows) {
    const seen = out.get(r.paperId);
    if (!seen || r.source === "full_text") {
      out.set(r.paperId, { source: r.source, model: r.model, reading: r.reading });
    }
  }
  return out;
}

export function getPaperText({ paperId }: { paperId: string }) {
  return getDb().select().from(paperTexts).where(eq(paperTexts.paperId, paperId)).get() ?? null;
}

/** Stores (or replaces) a paper's extracted full text. */
export function savePaperText(row: {
  paperId: string;
  text: string;
  pages: number;
  fileName: string;
  bytes: number;
  uploadedBy: string | null;
  now?: number;
}) {
  const values = { ...row, createdAt: row.now ?? Date.now() };
  withDbErrors(
    () =>
      getDb()
        .insert(paperTexts)
        .values(values)
        .onConflictDoUpdate({
          target: paperTexts.paperId,
          set: {
            text: values.text,
            pages: values.pages,
            fileName: values.fileName,
            bytes: values.bytes,
            uploadedBy: values.uploadedBy,
            createdAt: values.createdAt,
          },
        })
        .run(),
    { action: "saving a paper's full text" },
  );
}
