import { describe, expect, it } from "vitest";
import { at } from "./assert";

describe("at", () => {
  it("reads an in-range index of arrays, typed arrays and strings", () => {
    expect(at(["a", "b"], 1)).toBe("b");
    expect(at(Int32Array.of(4, 5, 6), 0)).toBe(4);
    expect(at("xyz", 2)).toBe("z");
  });

  it("returns an element that is itself undefined when the index is in range", () => {
    expect(at([undefined, 1], 0)).toBeUndefined();
  });

  it("throws a RangeError naming the index when it is out of range or not an integer", () => {
    expect(() => at([1, 2], 2)).toThrow(new RangeError("index 2 is out of range for length 2"));
    expect(() => at([1, 2], -1)).toThrow(RangeError);
    expect(() => at([1, 2], 0.5)).toThrow(RangeError);
    expect(() => at([], 0)).toThrow(new RangeError("index 0 is out of range for length 0"));
  });
});
