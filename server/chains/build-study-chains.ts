import "server-only";
import { getLiteratureCutoff } from "@/db/queries/literature/cutoff";
import { createStudyPaperStore, earlierCutoff } from "@/db/queries/literature/paper-store";
import { buildChains } from "@/lib/chains/build";
import { type ChainBuildProgress, dayAfter, trackChainBuild } from "@/lib/chains/progress";
import type { ChainOptions, ChainResult, LlmSteps, PaperStore } from "@/lib/chains/types";
import { getConnectors, getLiteratureConfig } from "@/server/literature/config";
import { type ConnectorFetchEvent, withConnectorFetch } from "./connector-store";

// The one server entry that builds chains for a study: the chain page's job, the CLI and the CoI
// agent all call it. The store is the study's local literature (its scope and cut-off), grown from
// the connectors unless literature is offline (admin setting or LITERATURE_OFFLINE) or `offline` is
// asked. The study's cut-off is also handed to the builder as `before`, so it checks every paper it
// accepts a second time (the store's cut-off is inclusive, the builder's `before` is not: day after).

export type BuildStudyChainsInput = {
  /** Null: the instance's corpus only, no study cut-off (the CLI without --study). */
  studyId: string | null;
  topic: string;
  options?: Partial<ChainOptions>;
  /** The model's steps (createLlmSteps over a costed call); null builds with keywords alone. */
  llm: LlmSteps | null;
  signal?: AbortSignal;
  onProgress?: (p: ChainBuildProgress) => void;
  /** Connector fetches (or their failures) while the chain grew. */
  onFetch?: (e: ConnectorFetchEvent) => void;
  /** Force the local store only, whatever the literature settings say. */
  offline?: boolean;
};

/** The `before` the builder gets: the earlier of the caller's and the day after the study's cut-off. */
export function studyChainBefore(studyId: string | null, before: string | null | undefined): string | null {
  const cutoff = studyId === null ? null : getLiteratureCutoff({ studyId });
  return earlierCutoff(before ?? null, cutoff === null ? null : dayAfter(cutoff));
}

export function createStudyChainStore({
  studyId,
  before,
  offline,
  onFetch,
}: {
  studyId: string | null;
  before: string | null;
  offline?: boolean;
  onFetch?: (e: ConnectorFetchEvent) => void;
}): PaperStore {
  const local = createStudyPaperStore({ studyId, before });
  const config = getLiteratureConfig();
  if (offline || config.offline) return local;
  return withConnectorFetch(local, { connectors: getConnectors(config), studyId, onFetch });
}

export async function buildStudyChains({
  studyId,
  topic,
  options = {},
  llm,
  signal,
  onProgress,
  onFetch,
  offline,
}: BuildStudyChainsInput): Promise<ChainResult> {
  const before = studyChainBefore(studyId, options.before);
  const store = createStudyChainStore({ studyId, before, offline, onFetch });
  const tracked = trackChainBuild({ store, llm, signal, onProgress });
  return buildChains({ topic, store: tracked.store, llm: tracked.llm, options: { ...options, before } });
}
