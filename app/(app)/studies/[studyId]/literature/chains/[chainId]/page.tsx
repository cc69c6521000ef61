import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InlineAction } from "@/components/inline-action";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { displayStatus, getChain } from "@/db/queries/chains";
import { getReadings } from "@/db/queries/literature/readings";
import { getPaperSummaries, searchPapers } from "@/db/queries/literature/search";
import { DIRECTION_COLOURS, DIRECTION_MARKS, STAGE_LABELS, STATUS_LABELS } from "@/lib/chains/labels";
import { CHAIN_BUILD_STAGES, stageIndex } from "@/lib/chains/progress";
import { CHAIN_DIRECTIONS } from "@/lib/chains/types";
import { uuidSchema } from "@/lib/validation";
import { guardPage } from "@/server/auth/guarded-handlers";
import { AddPaper } from "../_components/add-paper";
import { BuildLog } from "../_components/build-log";
import { ChainPoller } from "../_components/chain-poller";
import { ChainTimeline } from "../_components/chain-timeline";
import { cancelChainAction, rebuildChainAction } from "../actions";

export const metadata: Metadata = { title: "Chain" };

export default async function ChainPage({
  params,
  searchParams,
}: PageProps<"/studies/[studyId]/literature/chains/[chainId]">) {
  const { studyId, chainId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const chain = uuidSchema.safeParse(chainId).success ? getChain({ studyId, chainId }) : null;
  if (!chain) notFound();
  const status = displayStatus(chain);
  const active = status === "queued" || status === "running";
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.trim().slice(0, 200) : "";
  const hits = query ? searchPapers({ query, studyId, limit: 10 }) : null;
  const result = chain.result;
  const nodeIds = result ? [...new Set(result.chains.flatMap((c) => c.nodes.map((n) => n.paperId)))] : [];
  const readings = chain.readingModel
    ? getReadings({ paperIds: nodeIds, model: chain.readingModel })
    : new Map();
  const edited = [...chain.options.pinnedAnchorIds, ...chain.options.excludedIds];
  const logIds = result ? result.log.flatMap((e) => (e.paperId ? [e.paperId] : [])) : [];
  const fetchIds = chain.progress?.fetches?.map((f) => f.paperId) ?? [];
  const summaries = getPaperSummaries([...new Set([...edited, ...logIds, ...fetchIds])]);
  const titles = new Map([...summaries].map(([id, s]) => [id, s.title]));
  const { options, progress } = chain;
  return (
    <div className="space-y-4">
      <ChainPoller active={active} />
      <p className="text-sm">
        <Link href={`/studies/${studyId}/literature/chains`}>← Chains</Link>
      </p>
      <Card>
        <h1 className="text-xl font-semibold" data-testid="chain-topic">
          {chain.topic}
        </h1>
        <p className="mt-1 text-sm text-[var(--foreground-soft)]">
          K = {options.k}, length {options.minLength}–{options.maxLength}, seed {options.seed}
          {chain.readingModel ? ` · read with ${chain.readingModel}` : ""}
        </p>
        <p className="mt-2 text-sm" data-testid="chain-status" data-status={status}>
          <span className="font-medium">{STATUS_LABELS[status]}</span>
          {active && progress
            ? ` · step ${stageIndex(progress.stage) + 1} of ${CHAIN_BUILD_STAGES.length}: ${STAGE_LABELS[progress.stage]}${
                progress.stage === "reading" && progress.toRead
                  ? ` (${progress.read ?? 0} of ${progress.toRead})`
                  : ""
              }`
            : ""}
        </p>
        {active ? (
          <progress
            className="mt-2 w-full"
            max={CHAIN_BUILD_STAGES.length}
            value={progress ? stageIndex(progress.stage) : 0}
            aria-label="Build progress"
            data-testid="chain-progress"
          />
        ) : null}
        {chain.error ? (
          <div className="mt-2">
            <Alert tone="error" testId="chain-error">
              {chain.error}
            </Alert>
          </div>
        ) : null}
        {progress?.fetches?.length ? (
          <p className="mt-2 text-xs text-[var(--foreground-soft)]" data-testid="chain-fetches">
            From the literature sources:{" "}
            {progress.fetches.map((f) => `${titles.get(f.paperId) ?? f.paperId}: ${f.message}`).join("; ")}.
          </p>
        ) : null}
        {progress?.readErrors?.length ? (
          <p className="mt-2 text-xs text-[var(--foreground-soft)]">
            {progress.readErrors.length} papers could not be read:{" "}
            {progress.readErrors.map((e) => e.message).join(" ")}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          {active ? (
            <InlineAction
              action={cancelChainAction}
              fields={{ studyId, chainId }}
              label="Cancel the build"
              testId="chain-cancel"
            />
          ) : (
            <InlineAction
              action={rebuildChainAction}
              fields={{ studyId, chainId, edit: "rebuild", paperId: "" }}
              label="Rebuild"
              testId="chain-rebuild"
            />
          )}
        </div>
        <p className="mt-3 text-xs" data-testid="chain-legend">
          {CHAIN_DIRECTIONS.map((d) => (
            <span key={d} className="mr-4" style={{ color: DIRECTION_COLOURS[d] }}>
              {DIRECTION_MARKS[d]} {d}
            </span>
          ))}
        </p>
      </Card>
      {result ? (
        result.chains.length === 0 ? (
          <Card>
            <p className="text-sm" data-testid="no-chain-found">
              No anchor paper was found for this topic in the study&apos;s literature. Import papers, widen
              the topic, or pin a paper as an anchor below.
            </p>
          </Card>
        ) : (
          result.chains.map((c, i) => (
            <Card key={c.anchorId}>
              <CardTitle>
                Chain {i + 1} of {result.chains.length}
              </CardTitle>
              <ChainTimeline studyId={studyId} chainId={chainId} index={i} chain={c} readings={readings} />
            </Card>
          ))
        )
      ) : null}
      {result ? (
        <Card>
          <p className="mb-2 text-sm">Search queries: {result.queries.map((x) => `“${x}”`).join(", ")}</p>
          <BuildLog log={result.log} titles={titles} />
        </Card>
      ) : null}
      <Card>
        <CardTitle>Pinned and removed papers</CardTitle>
        {edited.length === 0 ? (
          <p className="text-sm text-[var(--foreground-soft)]">None: the builder chose every paper.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="edited-papers">
            {options.pinnedAnchorIds.map((id) => (
              <li key={`pin-${id}`} className="flex flex-wrap items-center gap-2">
                Pinned as anchor: {titles.get(id) ?? id}
                <InlineAction
                  action={rebuildChainAction}
                  fields={{ studyId, chainId, edit: "unpin", paperId: id }}
                  label="Unpin and rebuild"
                />
              </li>
            ))}
            {options.excludedIds.map((id) => (
              <li key={`ex-${id}`} className="flex flex-wrap items-center gap-2">
                Removed: {titles.get(id) ?? id}
                <InlineAction
                  action={rebuildChainAction}
                  fields={{ studyId, chainId, edit: "restore", paperId: id }}
                  label="Restore and rebuild"
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>Add a paper as an anchor</CardTitle>
        <AddPaper studyId={studyId} chainId={chainId} query={query} hits={hits} />
      </Card>
    </div>
  );
}
