import { PaperReadingView } from "@/components/paper-reading";
import { Card, CardTitle } from "@/components/ui/card";
import { getPaperText, getReadings } from "@/db/queries/literature/readings";
import { MAX_PDF_BYTES } from "@/server/literature/pdf-text";
import { configuredReadingModel } from "@/server/literature/read-paper";
import { PdfUpload } from "./pdf-upload";
import { ReadPaperForm } from "./read-paper-form";

/** Organizers: the paper's full text (PDF upload) and its reading with the configured model. */
export function ReadingCard({ studyId, paperId }: { studyId: string; paperId: string }) {
  const text = getPaperText({ paperId });
  const model = configuredReadingModel();
  const stored = model ? getReadings({ paperIds: [paperId], model }).get(paperId) : undefined;
  const stale = stored?.source === "abstract" && text !== null;
  return (
    <Card>
      <CardTitle>Full text and reading</CardTitle>
      <p className="mb-3 text-sm text-[var(--foreground-soft)]" data-testid="paper-text-status">
        {text
          ? `Full text from ${text.fileName}: ${text.pages} pages, ${text.text.length.toLocaleString("en")} characters. Readings use it instead of the abstract.`
          : "No PDF uploaded: readings use the abstract."}
      </p>
      <PdfUpload studyId={studyId} paperId={paperId} maxBytes={MAX_PDF_BYTES} />
      <div className="mt-4 border-t border-[var(--border)] pt-4">
        {!model ? (
          <p className="text-sm text-[var(--foreground-soft)]">
            No language model is configured, so papers are not read.
          </p>
        ) : stored && !stale ? (
          <PaperReadingView reading={stored.reading} source={stored.source} />
        ) : (
          <ReadPaperForm
            studyId={studyId}
            paperId={paperId}
            label={stale ? "Read the full text" : "Read this paper"}
          >
            <p className="text-sm text-[var(--foreground-soft)]">
              {stale ? "The reading below is from the abstract; a PDF has been uploaded since. " : ""}
              Summarizes the paper with {model} (background, novelty, contribution, method, limitation,
              entities, experiment steps). A paper is read once per model; chains reuse the reading.
            </p>
            {stored ? <PaperReadingView reading={stored.reading} source={stored.source} /> : null}
          </ReadPaperForm>
        )}
      </div>
    </Card>
  );
}
