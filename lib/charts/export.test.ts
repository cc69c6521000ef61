import { describe, expect, it } from "vitest";
import { figureFileName, figureSize, seriesRowsCsv } from "./export";

describe("chart export helpers", () => {
  it("sizes figures at 6.5 in wide, 300 dpi, keeping the chart's aspect", () => {
    expect(figureSize(800, 400)).toEqual({ widthIn: 6.5, heightIn: 3.25, pngWidth: 1950, pngHeight: 975 });
    expect(figureSize(0, 0)).toEqual({ widthIn: 6.5, heightIn: 4, pngWidth: 1950, pngHeight: 1200 });
  });

  it("writes a chart's data with series named by condition, extra columns per series, empty for null", () => {
    const csv = seriesRowsCsv(
      [
        { topic: "Bias", c0: 4.5, c0N: 2, c1: null, c1N: 0 },
        { topic: "Math, algebra", c0: 5, c0N: 1, c1: 6.25, c1N: 4 },
      ],
      ["topic"],
      [
        { key: "c0", name: "Human" },
        { key: "c1", name: "AI" },
      ],
      [{ key: "N", label: " n" }],
    );
    expect(csv.split("\r\n")).toEqual([
      "topic,Human,Human n,AI,AI n",
      "Bias,4.5,2,,0",
      '"Math, algebra",5,1,6.25,4',
      "",
    ]);
  });

  it("makes safe file names", () => {
    expect(figureFileName("Score distribution: novelty", "png")).toBe("score-distribution-novelty.png");
    expect(figureFileName("***", "svg")).toBe("chart.svg");
  });
});
