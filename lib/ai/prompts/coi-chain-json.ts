import type { ChainDirection } from "@/lib/chains/types";
import { toPromptPaper } from "./paper-json";
import type { PaperReading } from "./read-paper";

// A chain as the Chain-of-Ideas prompts show it: nodes oldest first, each with its direction and,
// when it has been read, its reading. Shared by the trend, direction and idea prompts.

export type CoiChainNode = {
  paperId: string;
  title: string;
  year: number | null;
  abstract: string;
  direction: ChainDirection;
  reading: PaperReading | null;
};

export function chainForPrompt(nodes: readonly CoiChainNode[]) {
  return nodes.map((n) => {
    const { id, title, year, abstract } = toPromptPaper({
      id: n.paperId,
      title: n.title,
      year: n.year,
      abstract: n.abstract,
    });
    return n.reading
      ? { id, title, year, direction: n.direction, reading: n.reading }
      : { id, title, year, direction: n.direction, abstract };
  });
}
