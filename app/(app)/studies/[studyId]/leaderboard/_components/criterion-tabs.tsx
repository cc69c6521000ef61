import Link from "next/link";

/** One link per criterion (average first); the chosen one is marked as the current page. */
export function CriterionTabs({
  criteria,
  selected,
  hrefFor,
}: {
  criteria: string[];
  selected: string;
  hrefFor: (criterion: string) => string;
}) {
  return (
    <nav aria-label="Criterion" className="flex flex-wrap gap-1" data-testid="criterion-tabs">
      {criteria.map((c) => (
        <Link
          key={c}
          href={hrefFor(c)}
          aria-current={c === selected ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm ${c === selected ? "border-[var(--accent)] bg-[var(--accent-soft)] font-medium" : "border-[var(--border)] hover:bg-[var(--muted)]"}`}
        >
          {c}
        </Link>
      ))}
    </nav>
  );
}
