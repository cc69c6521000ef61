"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import {
  axisProps,
  barCursor,
  type ChartSeries,
  chartMargin,
  gridProps,
  roundForTooltip,
  tooltipProps,
} from "./chart-style";

/** Mean score per topic and condition for one metric (reviews as units); rows: `topic`, `c<i>` = mean. */
export function TopicMeansChart({
  rows,
  series,
  height = 240,
}: {
  rows: Record<string, string | number | null>[];
  series: ChartSeries[];
  height?: number;
}) {
  return (
    <div data-testid="chart-topic-means">
      <BarChart responsive data={rows} style={{ width: "100%", height }} margin={chartMargin()}>
        <CartesianGrid {...gridProps()} />
        <XAxis dataKey="topic" {...axisProps} />
        <YAxis width={40} {...axisProps} />
        <Tooltip {...tooltipProps} formatter={roundForTooltip} cursor={barCursor} />
        <Legend verticalAlign="top" itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
