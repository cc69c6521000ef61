import type { PaperReading } from "@/lib/chains/stored";

// A paper's LLM reading (background, novelty, contribution, method, limitation, entities,
// experiment steps), as the paper page and the chain timeline show it.

const FIELDS = [
  ["background", "Background"],
  ["novelty", "Novelty"],
  ["contribution", "Contribution"],
  ["method", "Method"],
  ["limitation", "Limitation"],
] as const;

export function PaperReadingView({
  reading,
  source,
  testId = "paper-reading",
}: {
  reading: PaperReading;
  source: "abstract" | "full_text";
  testId?: string;
}) {
  return (
    <div className="space-y-2 text-sm" data-testid={testId}>
      <p className="text-xs text-[var(--foreground-soft)]">
        Read from the {source === "full_text" ? "uploaded full text" : "abstract"}.
      </p>
      <dl className="space-y-1">
        {FIELDS.map(([key, label]) => (
          <div key={key}>
            <dt className="inline font-medium">{label}: </dt>
            <dd className="inline">{reading[key]}</dd>
          </div>
        ))}
        {reading.entities.length > 0 ? (
          <div>
            <dt className="inline font-medium">Entities: </dt>
            <dd className="inline">{reading.entities.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      {reading.experimentSteps.length > 0 ? (
        <div>
          <p className="font-medium">Experiment steps</p>
          <ol className="list-decimal pl-5">
            {reading.experimentSteps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are fixed text in a fixed order
              <li key={i}>{s}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
