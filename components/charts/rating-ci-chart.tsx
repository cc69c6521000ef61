"use client";

import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatFixed } from "@/lib/format";
import { axisProps, barCursor, chartMargin, gridProps } from "./chart-style";

export type RatingCiPoint = {
  player: string;
  bt: number;
  low: number | null;
  high: number | null;
  rank: number | null;
  provisional: boolean;
};

type Datum = RatingCiPoint & { range: [number, number] };

const fmt = (n: number | null) => formatFixed(n, 1);

/** The CI as a whisker with end caps and the estimate as a dot; the bar's box is only its extent. */
function CiShape(props: BarShapeProps) {
  const { x, y, width, height, payload } = props;
  const d = payload as Datum;
  const mid = y + height / 2;
  const span = d.range[1] - d.range[0];
  const dotX = span > 0 ? x + (width * (d.bt - d.range[0])) / span : x;
  const color = d.provisional ? "var(--chart-2)" : "var(--accent)";
  const cap = Math.min(6, height / 2);
  return (
    <g>
      {span > 0 ? (
        <>
          <line x1={x} x2={x + width} y1={mid} y2={mid} stroke={color} strokeWidth={2} />
          <line x1={x} x2={x} y1={mid - cap} y2={mid + cap} stroke={color} strokeWidth={2} />
          <line x1={x + width} x2={x + width} y1={mid - cap} y2={mid + cap} stroke={color} strokeWidth={2} />
        </>
      ) : null}
      <circle cx={dotX} cy={mid} r={4} fill={color} />
    </g>
  );
}

function CiTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const d = payload?.[0]?.payload as Datum | undefined;
  if (!active || !d) return null;
  return (
    <div className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-xs text-[var(--foreground)]">
      <strong>{d.player}</strong> · rank {d.rank ?? "–"}
      <br />
      BT {fmt(d.bt)} (95% CI {fmt(d.low)} to {fmt(d.high)}){d.provisional ? " · provisional" : ""}
    </div>
  );
}

/**
 * Bradley–Terry ratings (Elo scale) with their 95% bootstrap CIs, one row per player in the order
 * given. Provisional players (fewer than 10 matches) are drawn in the second chart color. The data
 * arrive shaped by the server; the page shows the same numbers in a table beside the chart.
 */
export function RatingCiChart({ data, testId }: { data: RatingCiPoint[]; testId: string }) {
  const rows: Datum[] = data.map((p) => ({ ...p, range: [p.low ?? p.bt, p.high ?? p.bt] }));
  const values = rows.flatMap((r) => r.range);
  const lo = Math.floor((Math.min(1000, ...values) - 10) / 10) * 10;
  const hi = Math.ceil((Math.max(1000, ...values) + 10) / 10) * 10;
  const height = Math.max(120, rows.length * 28 + 48);
  return (
    <div data-testid={testId} data-points={rows.length}>
      <BarChart
        responsive
        layout="vertical"
        data={rows}
        style={{ width: "100%", height }}
        margin={chartMargin({ top: 8, bottom: 8 })}
      >
        <CartesianGrid {...gridProps("vertical")} />
        <XAxis type="number" domain={[lo, hi]} allowDataOverflow {...axisProps} />
        <YAxis type="category" dataKey="player" width={96} interval={0} {...axisProps} />
        <ReferenceLine x={1000} stroke="var(--foreground-soft)" strokeDasharray="4 4" />
        <Tooltip isAnimationActive={false} cursor={barCursor} content={CiTooltip} />
        <Bar dataKey="range" name="95% CI" shape={CiShape} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
