import "server-only";
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import { getPaperText, getReading, saveReading } from "@/db/queries/literature/readings";
import { buildReadPaperPrompt, type PaperReading, readPaperOutputSchema } from "@/lib/ai/prompts/read-paper";
import type { PaperReadingSource } from "@/lib/chains/stored";
import { AppError } from "@/lib/errors";
import { generate } from "@/server/ai/generate";
import { getLlmConfig } from "@/server/ai/providers";

// Per-paper reading (specs/literature.md "Per-paper reading"): the read-paper prompt over the
// uploaded full text when there is one, else the abstract; stored per paper, model and source, so a
// paper is read once across chains and runs. The model call is a parameter: the CoI agent routes it
// through its run's costed, budgeted call; the chain page uses generate() (defaultReadCall).

export type ReadPaperCall = (input: {
  system: string;
  prompt: string;
}) => Promise<{ reading: PaperReading; callId: string | null }>;

export type ReadPaperResult = {
  reading: PaperReading;
  source: PaperReadingSource;
  /** True when the stored reading was used and no model call was made. */
  cached: boolean;
};

export async function readPaper({
  paperId,
  studyId,
  model,
  call,
}: {
  paperId: string;
  /** The study the reading is for: the paper must be visible to it. */
  studyId: string;
  /** The model id the call uses: part of the cache key. */
  model: string;
  call: ReadPaperCall;
}): Promise<ReadPaperResult> {
  const paper = getVisiblePaper({ paperId, studyId });
  if (!paper) throw new AppError("not_found:paper", "This paper is not in the study's literature.");
  const fullText = getPaperText({ paperId })?.text ?? null;
  const source: PaperReadingSource = fullText ? "full_text" : "abstract";
  const stored = getReading({ paperId, model, source });
  if (stored) return { reading: stored, source, cached: true };
  if (!fullText && !paper.abstract.trim()) {
    throw new AppError(
      "invalid:paper",
      `"${paper.title}" has no abstract and no uploaded PDF, so there is nothing to read.`,
    );
  }
  const prompt = buildReadPaperPrompt({
    id: paper.id,
    title: paper.title,
    year: paper.year,
    abstract: paper.abstract,
    fullText,
  });
  const answer = await call(prompt);
  // The call parsed it already; parsing again here keeps a wrong shape out of the cache whatever the caller.
  const reading = readPaperOutputSchema.parse(answer.reading);
  saveReading({ paperId, model, source, reading, llmCallId: answer.callId });
  return { reading, source, cached: false };
}

/** The configured model's id, or null when no model is configured (nodes then stay unread). */
export function configuredReadingModel(): string | null {
  const config = getLlmConfig();
  return config.configured ? config.model : null;
}

/** A read call through generate(): cached, logged and costed like every model call. */
export function defaultReadCall({
  studyId,
  jobId = null,
  signal,
}: {
  studyId: string;
  jobId?: string | null;
  signal?: AbortSignal;
}): ReadPaperCall {
  return async ({ system, prompt }) => {
    const r = await generate({
      purpose: "read-paper",
      studyId,
      jobId,
      system,
      prompt,
      schema: readPaperOutputSchema,
      temperature: 0,
      signal,
    });
    return { reading: r.object, callId: r.callId };
  };
}
