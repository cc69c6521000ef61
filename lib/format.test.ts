import { describe, expect, it } from "vitest";
import { formatCount, formatFixed, formatPercent, formatUtcDate, formatUtcDateTime, plural } from "./format";

describe("plural", () => {
  it.each([
    [0, "idea", undefined, "0 ideas"],
    [1, "idea", undefined, "1 idea"],
    [2, "idea", undefined, "2 ideas"],
    [1, "vote has", "votes have", "1 vote has"],
    [5, "vote has", "votes have", "5 votes have"],
  ])("%i %s", (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});

describe("UTC dates", () => {
  // 2026-05-04 23:30:09 UTC is already 5 May in Tokyo and still 4 May in New York.
  const ms = Date.UTC(2026, 4, 4, 23, 30, 9);

  it("shows the UTC day whatever the machine's zone", () => {
    expect(formatUtcDate(ms)).toBe("2026-05-04");
  });

  it("shows minutes and the zone by default, seconds and no zone when asked", () => {
    expect(formatUtcDateTime(ms)).toBe("2026-05-04 23:30 UTC");
    expect(formatUtcDateTime(ms, { seconds: true })).toBe("2026-05-04 23:30:09 UTC");
    expect(formatUtcDateTime(ms, { zone: false })).toBe("2026-05-04 23:30");
  });
});

describe("numbers", () => {
  it("groups thousands the en-US way", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(999)).toBe("999");
  });

  it("fixes decimals and shows a dash for a missing number", () => {
    expect(formatFixed(1523.456, 1)).toBe("1523.5");
    expect(formatFixed(null, 1)).toBe("–");
    expect(formatPercent(0.4251)).toBe("42.5%");
    expect(formatPercent(1, 0)).toBe("100%");
    expect(formatPercent(null)).toBe("–");
  });
});
