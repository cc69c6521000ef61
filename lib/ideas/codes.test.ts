import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import { generateIdeaCode, IDEA_CODE_ALPHABET, IDEA_CODE_PATTERN, normalizeIdeaCode } from "./codes";

describe("generateIdeaCode", () => {
  it("has the shape XXXX-XXXX from the unambiguous alphabet", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateIdeaCode();
      expect(code).toMatch(IDEA_CODE_PATTERN);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it("keeps ambiguous characters out of the alphabet, and the pattern agrees with it", () => {
    expect(IDEA_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(IDEA_CODE_ALPHABET).size).toBe(31);
    for (const c of "01OIL") expect(IDEA_CODE_ALPHABET).not.toContain(c);
    for (const c of IDEA_CODE_ALPHABET) expect(`${c}${c}${c}${c}-2222`).toMatch(IDEA_CODE_PATTERN);
    for (const c of "01OILa!") expect(`${c}AAA-2222`).not.toMatch(IDEA_CODE_PATTERN);
  });

  it("gives 10,000 distinct codes, not in sequence, using every symbol about equally", () => {
    const codes = Array.from({ length: 10_000 }, () => generateIdeaCode());
    expect(new Set(codes).size).toBe(10_000);
    // Sequential generators would hand out sorted codes; random ones are sorted only by chance.
    const ascending = codes.slice(1).filter((code, i) => code > at(codes, i)).length;
    expect(ascending).toBeGreaterThan(4_500);
    expect(ascending).toBeLessThan(5_500);
    const counts = new Map<string, number>();
    for (const code of codes) for (const c of code.replace("-", "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // 80,000 symbols / 31 ≈ 2,581 each, standard deviation ≈ 50: the bounds are ten sigmas out.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(2_080);
      expect(count).toBeLessThan(3_080);
    }
  });

  it("maps bytes onto the alphabet and redraws bytes that would bias it", () => {
    // 248..255 would wrap onto the first symbols; they must be skipped, not reduced modulo 31.
    const batches = [
      Uint8Array.from([248, 255, 0, 1, 30, 31, 250, 62, 93, 124, 155, 186, 217, 252, 253, 254]),
    ];
    expect(generateIdeaCode({ randomBytes: () => batches.shift()! })).toBe("23Z2-2222");
  });

  it("asks for more bytes when a batch is mostly rejected", () => {
    const batches = [new Uint8Array(16).fill(255), new Uint8Array(16).fill(30)];
    let calls = 0;
    const code = generateIdeaCode({
      randomBytes: () => {
        calls += 1;
        return batches.shift()!;
      },
    });
    expect(code).toBe("ZZZZ-ZZZZ");
    expect(calls).toBe(2);
  });
});

describe("normalizeIdeaCode", () => {
  it.each([
    ["k7qx-42ma", "K7QX-42MA"],
    [" K7QX42MA ", "K7QX-42MA"],
    ["K7QX 42MA", "K7QX-42MA"],
    ["K7QX-42M", null],
    ["K7QX-42MO", null],
    ["K1QX-42MA", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeIdeaCode(input)).toBe(expected);
  });
});
