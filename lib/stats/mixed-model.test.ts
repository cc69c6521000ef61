import { describe, expect, it } from "vitest";
import { formatMixedModelScript } from "./mixed-model";

describe("formatMixedModelScript", () => {
  const script = formatMixedModelScript({
    inputPath: "data/reviews.csv",
    baseline: 'Human "expert"',
    metrics: ["novelty", "overall"],
  });

  it("fits the spec's model per metric with the baseline as reference level", () => {
    expect(script).toContain('groups <- c("reviewer_id", "idea_id", "topic")');
    expect(script).toContain('sprintf("(1 | %s)", g)');
    expect(script).toContain("eval(bquote(lmer(.(model), data = d)))");
    expect(script).toContain("relevel(factor(d$condition), ref = baseline)");
    expect(script).toContain('metrics <- c("novelty", "overall")');
  });

  it("quotes names as R string literals and defaults to the input file", () => {
    expect(script).toContain('baseline <- "Human \\"expert\\""');
    expect(script).toContain('path <- if (length(args) >= 1) args[[1]] else "data/reviews.csv"');
  });

  it("reads the tidy columns the way the app does", () => {
    expect(script).toContain("na.strings = character(0)");
    expect(script).toMatch(
      /fixed <- tolower\(names\(wide\)\) %in% c\("review_id", "idea_code", "idea_id", "topic", "condition", "reviewer_id", "confidence"/,
    );
  });
});
