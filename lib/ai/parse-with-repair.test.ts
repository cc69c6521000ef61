import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWithRepair } from "./parse-with-repair";

const schema = z.strictObject({ reason: z.string().min(1), relevant: z.boolean() });
const good = '{"reason": "on topic", "relevant": true}';

function scriptedRepair(answers: string[]) {
  const calls: { text: string; reason: string }[] = [];
  return {
    calls,
    repair: async (text: string, reason: string) => {
      calls.push({ text, reason });
      const next = answers.shift();
      if (next === undefined) throw new Error("no scripted answer left");
      return next;
    },
  };
}

describe("parseWithRepair", () => {
  it("takes a valid answer as it is, without a repair call", async () => {
    const r = scriptedRepair([]);
    const out = await parseWithRepair({ text: `Sure!\n${good}`, schema, repair: r.repair, what: "gate" });
    expect(out).toEqual({ ok: true, value: { reason: "on topic", relevant: true }, repaired: false });
    expect(r.calls).toHaveLength(0);
  });

  it("repairs once, giving the repair the bad text and the reason", async () => {
    const r = scriptedRepair([good]);
    const out = await parseWithRepair({
      text: '{"reason": "x", "relevant": "yes"}',
      schema,
      repair: r.repair,
      what: "gate",
    });
    expect(out).toEqual({ ok: true, value: { reason: "on topic", relevant: true }, repaired: true });
    expect(r.calls).toEqual([
      { text: '{"reason": "x", "relevant": "yes"}', reason: expect.stringContaining("relevant") },
    ]);
  });

  it("fails visibly after one bad repair, never using the whole response as the value", async () => {
    const r = scriptedRepair(["The paper is relevant.", good]);
    const out = await parseWithRepair({
      text: "Relevant: yes",
      schema,
      repair: r.repair,
      what: "relevance gate for p12",
    });
    expect(out.ok).toBe(false);
    expect(r.calls).toHaveLength(1);
    if (out.ok) throw new Error("unreachable");
    expect(out.error).toMatch(
      /^relevance gate for p12: invalid answer \(the answer is not JSON\), and the one repair was invalid too/,
    );
    expect(out.attempts.map((a) => a.text)).toEqual(["Relevant: yes", "The paper is relevant."]);
  });

  it("fails visibly when the repair call itself fails", async () => {
    const out = await parseWithRepair({
      text: "{}",
      schema,
      repair: async () => {
        throw new Error("HTTP 500");
      },
      what: "queries",
    });
    expect(out.ok).toBe(false);
    if (out.ok) throw new Error("unreachable");
    expect(out.error).toContain("the repair call failed: HTTP 500");
  });
});
