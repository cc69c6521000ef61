import { describe, expect, it } from "vitest";
import { timelineAxis } from "./timeline";

describe("timelineAxis", () => {
  it("spans the years with a year of padding, places nodes in [0, 1], and ticks at a round step", () => {
    const axis = timelineAxis([{ year: 1993 }, { year: 2014 }, { year: 2017 }]);
    expect(axis).toMatchObject({ from: 1992, to: 2018 });
    expect(axis.positions).toEqual([1 / 26, 22 / 26, 25 / 26]);
    expect(axis.ticks).toEqual([1995, 2000, 2005, 2010, 2015]);
  });

  it("widens a short span to 4 years and keeps unknown years off the axis", () => {
    const axis = timelineAxis([{ year: 2010 }, { year: null }, { year: 2010 }]);
    expect(axis.to - axis.from).toBeGreaterThanOrEqual(4);
    expect(axis.positions[1]).toBeNull();
    expect(axis.positions[0]).toBe(axis.positions[2]);
    expect(axis.ticks.length).toBeGreaterThan(0);
    expect(timelineAxis([{ year: null }])).toEqual({ from: 0, to: 1, ticks: [], positions: [null] });
  });

  it("keeps at most 9 ticks for a long span", () => {
    const axis = timelineAxis([{ year: 1950 }, { year: 2020 }]);
    expect(axis.ticks.length).toBeLessThanOrEqual(9);
    expect(axis.ticks[0]).toBe(1950);
  });
});
