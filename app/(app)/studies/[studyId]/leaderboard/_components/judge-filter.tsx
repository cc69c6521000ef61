import Link from "next/link";
import { JUDGE_FILTERS, JUDGE_LABELS, type JudgeFilter } from "@/lib/arena/judges";
import type { AgreementRow } from "@/lib/arena/types";

const pct = (rate: number) => `${(rate * 100).toFixed(0)}%`;

/** Human / LLM / all judges, with how often the two kinds agree where both judged a pair. */
export function JudgeFilterBar({
  selected,
  counts,
  agreement,
  hrefFor,
}: {
  selected: JudgeFilter;
  counts: { human: number; llm: number };
  /** Agreement over all criteria, from the board of all judges. */
  agreement: AgreementRow | undefined;
  hrefFor: (judges: JudgeFilter) => string;
}) {
  const count = (j: JudgeFilter) => (j === "all" ? counts.human + counts.llm : counts[j]);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="judge-filter">
      <nav aria-label="Judges" className="flex flex-wrap gap-1">
        {JUDGE_FILTERS.map((j) => (
          <Link
            key={j}
            href={hrefFor(j)}
            aria-current={j === selected ? "page" : undefined}
            data-testid={`judges-${j}`}
            className={`rounded-full border px-3 py-1 text-sm ${j === selected ? "border-[var(--accent)] bg-[var(--accent-soft)] font-medium" : "border-[var(--border)] hover:bg-[var(--muted)]"}`}
          >
            {JUDGE_LABELS[j]} ({count(j)})
          </Link>
        ))}
      </nav>
      <p className="text-sm" data-testid="judge-agreement">
        {agreement === undefined || agreement.pairs === 0 || agreement.rate === null
          ? "No pair was judged by both a human and the LLM, so their agreement is unknown."
          : `Human and LLM judges picked the same winner in ${pct(agreement.rate)} of the ${agreement.pairs} (pair, criterion) verdicts they share.`}
      </p>
    </div>
  );
}
