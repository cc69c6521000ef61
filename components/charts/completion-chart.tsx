"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, chartMargin, gridProps, tooltipProps } from "./chart-style";

export type CompletionPoint = { day: string; submitted: number };

/**
 * Cumulative submitted reviews per day (UTC) as a step line, with the number of assigned reviews
 * as the line to reach. The data arrive shaped by the server; the page shows the same numbers in a table.
 */
export function CompletionChart({
  data,
  assigned,
  height = 240,
}: {
  data: CompletionPoint[];
  assigned: number;
  height?: number;
}) {
  const top = Math.max(assigned, data.at(-1)?.submitted ?? 0, 1);
  return (
    <div data-testid="completion-chart">
      <LineChart responsive data={data} style={{ width: "100%", height }} margin={chartMargin()}>
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="day" {...axisProps} />
        <YAxis allowDecimals={false} domain={[0, top]} width={40} {...axisProps} />
        <Tooltip {...tooltipProps} />
        <ReferenceLine
          y={assigned}
          stroke="var(--chart-2)"
          strokeDasharray="6 4"
          label={{
            value: `${assigned} assigned`,
            position: "insideTopLeft",
            fill: "var(--foreground-soft)",
            fontSize: 12,
          }}
        />
        <Line
          type="stepAfter"
          dataKey="submitted"
          name="Submitted (cumulative)"
          stroke="var(--accent)"
          strokeWidth={2}
          dot={{ r: 3, fill: "var(--accent)" }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
