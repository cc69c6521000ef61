import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitBradleyTerry } from "./bradley-terry";
import type { Game } from "./types";

// The weak prior against scipy's penalized maximum likelihood (fixtures/make_prior_fixtures.py).
type Case = {
  name: string;
  prior: number;
  games: [string, string, number][];
  ratings: Record<string, number>;
};
const cases = JSON.parse(
  readFileSync(new URL("./fixtures/prior-reference.json", import.meta.url), "utf8"),
) as Case[];

describe("Bradley–Terry with a weak prior (virtual ties against the field)", () => {
  it.each(cases.map((c) => [`${c.name}, weight ${c.prior}`, c] as const))("matches scipy: %s", (_, c) => {
    const games: Game[] = c.games.map(([a, b, score]) => ({ a, b, score }));
    const fit = fitBradleyTerry(games, { prior: c.prior });
    if (!fit.ok) throw new Error("no fit");
    expect(fit.converged).toBe(true);
    // Within 5e-5 rating points: BFGS stops near 1e-6 points from the optimum.
    for (const [player, rating] of Object.entries(c.ratings))
      expect(fit.ratings.get(player)).toBeCloseTo(rating, 4);
  });

  it("rates an unbeaten player only with a prior, and shrinks more with a heavier one", () => {
    const games: Game[] = [
      { a: "A", b: "B", score: 1 },
      { a: "B", b: "C", score: 0.5 },
    ];
    expect(fitBradleyTerry(games).ok).toBe(false);
    const light = fitBradleyTerry(games, { prior: 0.5 });
    const heavy = fitBradleyTerry(games, { prior: 4 });
    if (!light.ok || !heavy.ok) throw new Error("no fit");
    const spread = (f: typeof light) => (f.ratings.get("A") as number) - (f.ratings.get("C") as number);
    expect(spread(light)).toBeGreaterThan(spread(heavy));
    expect(spread(heavy)).toBeGreaterThan(0);
  });
});
