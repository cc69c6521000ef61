import Link from "next/link";
import { InlineAction } from "@/components/inline-action";
import { PaperReadingView } from "@/components/paper-reading";
import { DIRECTION_COLOURS, DIRECTION_LABELS, DIRECTION_MARKS, DIRECTION_SHORT } from "@/lib/chains/labels";
import type { StoredReading } from "@/lib/chains/stored";
import { timelineAxis } from "@/lib/chains/timeline";
import type { Chain, ChainDirection } from "@/lib/chains/types";
import { rebuildChainAction } from "../actions";

// One chain as a timeline: a year axis (SVG) with a numbered mark per paper, shaped and coloured by
// direction, then the papers oldest first, each with its direction in words, why it was chosen, its
// reading, and the edits (remove, pin as anchor) that rebuild the chain.

const W = 640;
const H = 64;
const PAD = 24;

function Mark({ direction, x, y, n }: { direction: ChainDirection; x: number; y: number; n: number }) {
  const fill = DIRECTION_COLOURS[direction];
  const shape =
    direction === "backward" ? (
      <polygon points={`${x + 8},${y - 8} ${x + 8},${y + 8} ${x - 8},${y}`} fill={fill} />
    ) : direction === "forward" ? (
      <polygon points={`${x - 8},${y - 8} ${x - 8},${y + 8} ${x + 8},${y}`} fill={fill} />
    ) : (
      <polygon points={`${x},${y - 10} ${x + 10},${y} ${x},${y + 10} ${x - 10},${y}`} fill={fill} />
    );
  return (
    <g>
      <title>{`${n}. ${DIRECTION_SHORT[direction]}`}</title>
      {shape}
      <text x={x} y={y - 14} textAnchor="middle" fontSize="11" fill="currentColor">
        {n}
      </text>
    </g>
  );
}

export function ChainTimeline({
  studyId,
  chainId,
  index,
  chain,
  readings,
}: {
  studyId: string;
  chainId: string;
  index: number;
  chain: Chain;
  readings: Map<string, StoredReading>;
}) {
  const axis = timelineAxis(chain.nodes);
  const x = (p: number | null) => PAD + (p ?? 0) * (W - 2 * PAD);
  const span = axis.to - axis.from || 1;
  return (
    <section className="space-y-3" data-testid={`chain-${index}`} aria-label={`Chain ${index + 1}`}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="w-full text-[var(--foreground)]"
        role="img"
        aria-label={`Year axis from ${axis.from} to ${axis.to} with ${chain.nodes.length} papers`}
        data-testid="timeline-axis"
      >
        <line x1={PAD} x2={W - PAD} y1={40} y2={40} stroke="currentColor" strokeOpacity="0.4" />
        {axis.ticks.map((t) => (
          <g key={t}>
            <line
              x1={x((t - axis.from) / span)}
              x2={x((t - axis.from) / span)}
              y1={36}
              y2={44}
              stroke="currentColor"
              strokeOpacity="0.4"
            />
            <text
              x={x((t - axis.from) / span)}
              y={58}
              textAnchor="middle"
              fontSize="10"
              fill="currentColor"
              fillOpacity="0.7"
            >
              {t}
            </text>
          </g>
        ))}
        {chain.nodes.map((n, i) => (
          <Mark key={n.paperId} direction={n.direction} x={x(axis.positions[i] ?? null)} y={40} n={i + 1} />
        ))}
      </svg>
      <ol className="space-y-3">
        {chain.nodes.map((n, i) => {
          const reading = readings.get(n.paperId);
          return (
            <li
              key={n.paperId}
              className="rounded-md border border-[var(--border)] p-3"
              style={{ borderLeft: `6px solid ${DIRECTION_COLOURS[n.direction]}` }}
              data-testid="chain-node"
              data-direction={n.direction}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {i + 1}.{" "}
                  <Link href={`/studies/${studyId}/literature/papers/${n.paperId}`} data-testid="node-title">
                    {n.title}
                  </Link>{" "}
                  <span className="text-sm text-[var(--foreground-soft)]">({n.year ?? "year unknown"})</span>
                </p>
                <span
                  className="text-xs font-semibold"
                  style={{ color: DIRECTION_COLOURS[n.direction] }}
                  data-testid="node-direction"
                >
                  {DIRECTION_MARKS[n.direction]} {DIRECTION_LABELS[n.direction]}
                </span>
              </div>
              <p className="mt-1 text-sm" data-testid="node-reason">
                <span className="font-medium">Why: </span>
                {n.reason}
              </p>
              {reading ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm">Summary</summary>
                  <PaperReadingView reading={reading.reading} source={reading.source} testId="node-reading" />
                </details>
              ) : (
                <p className="mt-2 text-xs text-[var(--foreground-soft)]">
                  Not read (no model, or nothing to read).
                </p>
              )}
              <div className="mt-2 flex flex-wrap gap-2">
                <InlineAction
                  action={rebuildChainAction}
                  fields={{ studyId, chainId, edit: "exclude", paperId: n.paperId }}
                  label="Remove and rebuild"
                  testId="node-remove"
                />
                {n.direction !== "anchor" ? (
                  <InlineAction
                    action={rebuildChainAction}
                    fields={{ studyId, chainId, edit: "pin", paperId: n.paperId }}
                    label="Pin as anchor and rebuild"
                    testId="node-pin"
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
