/** The live board's weak prior, chosen by the organizer (a plain GET form keeps the other filters). */
export function PriorForm({
  prior,
  choices,
  keep,
}: {
  prior: number;
  choices: readonly number[];
  keep: Record<string, string>;
}) {
  return (
    <form method="get" className="flex flex-wrap items-center gap-2 text-sm" data-testid="prior-form">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="prior" className="font-medium">
        Weak prior
      </label>
      <select id="prior" name="prior" defaultValue={String(prior)} className="rounded border px-2 py-1">
        {choices.map((w) => (
          <option key={w} value={String(w)}>
            {w === 0 ? "none (maximum likelihood)" : `${w} virtual tie${w === 1 ? "" : "s"} vs the field`}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border px-2 py-1">
        Apply
      </button>
    </form>
  );
}

/** The sentence under a rating table that says which prior was used. */
export function priorText(prior: number): string {
  return prior === 0
    ? "Bradley–Terry: plain maximum likelihood (no prior)."
    : `Bradley–Terry with a weak prior: each player also tied ${prior} virtual game${prior === 1 ? "" : "s"} against the field (the average player), so players with few matches are pulled towards 1000.`;
}
