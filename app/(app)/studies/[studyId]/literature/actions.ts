"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setLiteratureCutoff } from "@/db/queries/literature/cutoff";
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { startEmbeddingPapers } from "@/server/jobs/embed-papers";
import { getConnectors } from "@/server/literature/config";
import { searchExternal } from "@/server/literature/external-search";
import { fetchNeighbours } from "@/server/literature/fetch-more";

// Reading the literature is for organizers and writers; changing the study's corpus or cut-off is for organizers.
const organizer = { roles: ["organizer"] as const };

export const setCutoffAction = guardedAction(
  {
    study: organizer,
    schema: z.object({
      cutoff: z
        .string()
        .trim()
        .refine(
          (v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v),
          "Use a date written YYYY-MM-DD, or leave it empty.",
        ),
    }),
  },
  ({ study, input }) => {
    const cutoff = input.cutoff || null;
    setLiteratureCutoff({ studyId: study.id, cutoff });
    revalidatePath(`/studies/${study.id}/literature`);
    return { cutoff };
  },
);

export const startEmbeddingAction = guardedAction(
  { study: organizer, schema: z.object({}) },
  async ({ study, user }) => {
    const job = await startEmbeddingPapers({ studyId: study.id, actorId: user.id });
    revalidatePath(`/studies/${study.id}/literature`);
    return { jobId: job.id };
  },
);

const externalSchema = z.object({
  source: z.enum(["semantic_scholar", "openalex", "arxiv"], { error: "Choose a source." }),
  query: z.string().trim().min(2, "Type at least two characters.").max(300),
});

export const searchExternalAction = guardedAction(
  { study: organizer, schema: externalSchema },
  async ({ input }) => {
    return searchExternal({ connectors: getConnectors(), ...input });
  },
);

export const addExternalPaperAction = guardedAction(
  { study: organizer, schema: externalSchema.extend({ key: z.string().min(1).max(200) }) },
  async ({ study, input }) => {
    // Re-run the (cached) search server-side rather than trusting paper data sent by the browser.
    const { papers } = await searchExternal({
      connectors: getConnectors(),
      source: input.source,
      query: input.query,
    });
    const found = papers.find((p) => p.key === input.key);
    if (!found)
      throw new AppError("not_found:paper", "That result is no longer in the search results; search again.");
    const r = upsertCorpus({
      corpus: { papers: [found.paper], edges: [], unresolved: [] },
      studyId: study.id,
    });
    revalidatePath(`/studies/${study.id}/literature`);
    return { id: r.ids[0] as string, added: r.inserted === 1 };
  },
);

export const fetchMoreAction = guardedAction(
  {
    study: organizer,
    schema: z.object({
      paperId: uuidSchema,
      source: z.enum(["semantic_scholar", "openalex"], { error: "Choose a source." }),
    }),
  },
  async ({ study, input }) => {
    const paper = getVisiblePaper({ paperId: input.paperId, studyId: study.id });
    if (!paper) throw new AppError("not_found:paper", "This paper is not in the study's literature.");
    const r = await fetchNeighbours({
      connectors: getConnectors(),
      paper,
      studyId: study.id,
      source: input.source,
    });
    revalidatePath(`/studies/${study.id}/literature/papers/${input.paperId}`);
    return r;
  },
);
