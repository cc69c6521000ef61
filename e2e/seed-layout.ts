import { runSeeder } from "./run-seeder";

// Long review text for the layout tests, through e2e/seeders/layout.ts.

/** Replaces the idea's review text with these fields, accepted as the organizer would. */
export function seedAcceptedText(ideaId: string, fields: Record<string, string>) {
  runSeeder("acceptedText", { ideaId, fields });
}

const SENTENCE =
  "We compare retrieval-augmented prompting against a tuned baseline on held-out questions and report exact match with bootstrap intervals.";

/** An idea long enough to need a lot of scrolling, with one very long unbroken token. */
export function longIdeaFields(label: string): Record<string, string> {
  const paragraph = (n: number) => Array.from({ length: n }, () => SENTENCE).join(" ");
  return {
    title: `${label}: a long idea for layout checks`,
    problem: `${paragraph(6)}\n\nSee https://example.org/${"very-long-path-segment-".repeat(8)}end for the data.`,
    motivation: paragraph(8),
    method: `${paragraph(8)}\n\n- First step of the method.\n- Second step of the method.`,
    experiment_plan: paragraph(10),
    test_cases: paragraph(8),
    fallback: paragraph(6),
  };
}
