import { runSeeder } from "./run-seeder";

// Long review text for the layout tests, through e2e/seeders/layout.ts.

/** Replaces the idea's review text with these fields, accepted as the organizer would. */
export function seedAcceptedText(ideaId: string, fields: Record<string, string>) {
  runSeeder("acceptedText", { ideaId, fields });
}

const SENTENCE =
  "We compare retrieval-augmented prompting against a tuned baseline on held-out questions and report exact match with bootstrap intervals.";

/** An idea long enough to need a lot of scrolling, with one very long token that has no break in it. */
export function longIdeaFields(label: string): Record<string, string> {
  const paragraph = (n: number) => Array.from({ length: n }, () => SENTENCE).join(" ");
  return {
    title: `${label}: a long idea for layout checks`,
    // No break opportunity in the token (no hyphen, slash or space): only overflow-wrap can fold it.
    problem: `${paragraph(6)}\n\nThe data set is ${"Retrieval_Benchmark_Split_".repeat(8)}v2, see [the source](https://example.org/data).`,
    motivation: paragraph(8),
    method: `${paragraph(8)}\n\n- First step of the method.\n- Second step of the method.`,
    experiment_plan: paragraph(10),
    test_cases: paragraph(8),
    fallback: paragraph(6),
  };
}
