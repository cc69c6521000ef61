import { Card, CardTitle } from "@/components/ui/card";
import { tidyColumns } from "@/lib/stats/tidy";
import { ReviewImportPanel } from "./review-import-panel";

/** Export of submitted reviews (the tidy table) and import of external ones in the same format. */
export function ExchangeCard({ studyId, metrics }: { studyId: string; metrics: string[] }) {
  const base = `/api/studies/${studyId}/reviews/export`;
  const columns = tidyColumns(metrics).join(",");
  return (
    <Card data-testid="review-exchange">
      <CardTitle>Export and import</CardTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-2 text-sm">
          <h3 className="font-medium">Export submitted reviews</h3>
          <p data-testid="review-export-links" className="space-x-3">
            <a href={`${base}?format=csv`}>CSV</a>
            <a href={`${base}?format=json`}>JSON</a>
          </p>
          <p>
            With reviewer emails instead of pseudonyms:{" "}
            <span data-testid="review-export-identities-links" className="space-x-3">
              <a href={`${base}?format=csv&identities=1`}>CSV</a>
              <a href={`${base}?format=json&identities=1`}>JSON</a>
            </span>
          </p>
          <p className="text-xs text-[var(--foreground-soft)]">
            One row per review, the table the statistics read. Reviewers appear as pseudonyms (
            <code>R-…</code>) that stay the same in every export of this study but differ between studies, so
            files can be shared without naming anyone; keep files with emails private. Imported reviews keep
            the reviewer ids of their file.
          </p>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Import external reviews</h3>
          <ReviewImportPanel studyId={studyId} columns={columns} />
        </div>
      </div>
    </Card>
  );
}
