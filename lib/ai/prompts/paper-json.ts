// How a paper appears inside a prompt: its id (the only identity the model may answer with), title,
// year and a bounded abstract, so a long abstract cannot crowd out the instructions.

export const PROMPT_ABSTRACT_CHARS = 1500;

export type PromptPaper = { id: string; title: string; year: number | null; abstract: string };

export function toPromptPaper(p: PromptPaper): PromptPaper {
  const abstract = p.abstract.trim();
  return {
    id: p.id,
    title: p.title.trim(),
    year: p.year,
    abstract:
      abstract.length > PROMPT_ABSTRACT_CHARS ? `${abstract.slice(0, PROMPT_ABSTRACT_CHARS)}…` : abstract,
  };
}
