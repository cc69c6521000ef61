import type { ChainNode } from "./types";

// The year axis of the chain timeline: the span the nodes cover (padded by a year each side, at
// least 4 years wide), a tick every 1, 2, 5, 10… years, and each node's position in [0, 1]. Nodes
// without a year sit at the axis' start and say so in their label.

export type TimelineAxis = {
  from: number;
  to: number;
  ticks: number[];
  /** Position of each node (same order as the nodes), 0 = from, 1 = to; null for an unknown year. */
  positions: (number | null)[];
};

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
const MAX_TICKS = 8;

export function timelineAxis(nodes: Pick<ChainNode, "year">[]): TimelineAxis {
  const years = nodes.map((n) => n.year).filter((y): y is number => y !== null);
  if (years.length === 0) return { from: 0, to: 1, ticks: [], positions: nodes.map(() => null) };
  let from = Math.min(...years) - 1;
  let to = Math.max(...years) + 1;
  if (to - from < 4) {
    const pad = Math.ceil((4 - (to - from)) / 2);
    from -= pad;
    to += pad;
  }
  const span = to - from;
  const step = STEPS.find((s) => span / s <= MAX_TICKS) ?? Math.ceil(span / MAX_TICKS);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && ticks.length <= MAX_TICKS; t += step) ticks.push(t);
  return {
    from,
    to,
    ticks,
    positions: nodes.map((n) => (n.year === null ? null : (n.year - from) / span)),
  };
}
