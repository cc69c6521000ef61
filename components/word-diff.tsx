import { diffWords } from "@/lib/ideas/diff";

/** Word-level changes from the original to the rewrite: removed words struck through, added ones marked. */
export function WordDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  // Segments have no identity beyond where they start in the combined text, so that is their key.
  let offset = 0;
  const parts = diffWords({ before, after }).map((p) => {
    const key = `${offset}-${p.type}`;
    offset += p.text.length;
    return { ...p, key };
  });
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed" data-testid={testId}>
      {parts.map((p) =>
        p.type === "same" ? (
          <span key={p.key}>{p.text}</span>
        ) : p.type === "removed" ? (
          <del key={p.key} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
            {p.text}
          </del>
        ) : (
          <ins
            key={p.key}
            className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200"
          >
            {p.text}
          </ins>
        ),
      )}
    </p>
  );
}
