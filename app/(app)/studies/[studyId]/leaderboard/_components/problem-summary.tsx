import { Alert } from "@/components/ui/alert";

/** The warnings in one line (how many, and the first), the full list on demand. */
export function ProblemSummary({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  const first = problems[0] as string;
  return (
    <Alert tone="warning" testId="arena-problems">
      <details>
        <summary className="cursor-pointer">
          {problems.length} {problems.length === 1 ? "note" : "notes"} before trusting the numbers:{" "}
          {first.length > 110 ? `${first.slice(0, 110)}…` : first}
          {problems.length > 1 ? " (show all)" : ""}
        </summary>
        <ul className="mt-1 ml-5 list-disc">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </details>
    </Alert>
  );
}
