import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import type { BlindArenaIdea } from "@/db/queries/blind-policy";

/** One side of the pair: a label, the topic and the normalized text, nothing else. */
export function IdeaColumn({ label, side, idea }: { label: string; side: "a" | "b"; idea: BlindArenaIdea }) {
  return (
    <Card data-testid={`idea-${side}`} aria-labelledby={`idea-${side}-title`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`idea-${side}-title`} className="text-lg font-semibold">
          {label}
        </h2>
        <span className="text-xs text-[var(--foreground-soft)]">{idea.topic}</span>
      </div>
      <div className="space-y-4" data-testid={`idea-${side}-text`}>
        {idea.sections.map((s) => (
          <section key={s.key}>
            <h3 className="mb-1 text-sm font-semibold">{s.label}</h3>
            <Markdown>{s.text}</Markdown>
          </section>
        ))}
      </div>
    </Card>
  );
}
