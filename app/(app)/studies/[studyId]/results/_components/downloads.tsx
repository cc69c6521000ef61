import type { ResolvedParams } from "@/lib/stats";
import { RESULT_FILES, type ResultFileName } from "@/lib/stats/study-results";

const DESCRIPTIONS: Record<ResultFileName, string> = {
  "significance.csv": "every test at the three units",
  "significance.tex": "the summary table for LaTeX (booktabs)",
  "significance.md": "the summary table as Markdown",
  "descriptives.csv": "per condition and metric",
  "agreement.csv": "Krippendorff's alpha per metric",
  "topics.csv": "the per-topic breakdown",
  "reviews.csv": "the tidy review table these numbers come from",
  "mixed-model.R": "an lme4 script for the same data",
};

const testId = (file: ResultFileName) => `download-${file.replace(/\.(csv|R)$/, "").replace(".", "-")}`;

/** Links to the files `npm run stats` writes, for the parameters on screen or a stored snapshot. */
export function Downloads({
  studyId,
  query,
  params,
  reviewTableShared = true,
}: {
  studyId: string;
  query: Record<string, string>;
  params: ResolvedParams;
  reviewTableShared?: boolean;
}) {
  const files = RESULT_FILES.filter((file) => reviewTableShared || file !== "reviews.csv");
  const command = `npm run stats -- --in reviews.csv --baseline ${params.baseline} --correction ${params.correction} --family ${params.family} --out DIR`;
  const href = (file: ResultFileName) =>
    `/api/studies/${studyId}/results/download?${new URLSearchParams({ file, ...query }).toString()}`;
  return (
    <div className="space-y-2 text-sm">
      <ul className="grid gap-1 sm:grid-cols-2">
        {files.map((file) => (
          <li key={file}>
            <a href={href(file)} download={file} data-testid={testId(file)} className="font-mono">
              {file}
            </a>{" "}
            <span className="text-[var(--foreground-soft)]">— {DESCRIPTIONS[file]}</span>
          </li>
        ))}
      </ul>
      {reviewTableShared ? null : (
        <p className="text-xs text-[var(--foreground-soft)]" data-testid="review-table-not-shared">
          The organizers published the summary tables only; the per-review table is not shared.
        </p>
      )}
      <p className="text-xs text-[var(--foreground-soft)]">
        The same files, byte for byte, as <code>{command}</code> writes from the downloaded reviews.csv;
        numbers keep full precision there. Reviewers appear as pseudonyms.
      </p>
    </div>
  );
}
