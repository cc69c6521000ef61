import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { seedReviewStudy } from "./seed";
import { seedUndecidedRewrite } from "./seed-open-work";

// A rewrite whose leak check finds something cannot reach reviewers in one click: the list shows the
// hit count per idea and filters to ideas with hits, and accepting needs a confirmation naming the
// hits, which the server checks.

test("accepting a rewrite with leak hits needs a confirmation naming them; the list counts and filters hits", async ({
  adminPage: page,
}) => {
  const s = seedReviewStudy({
    title: `Leak confirm ${Date.now()}`,
    status: "normalization",
    ideasPerCell: 1,
  });
  const idea = s.ideas[0]!;
  seedUndecidedRewrite(idea.id, {
    title: "Retrieval before generation",
    problem: "Answers drift from their sources.",
    motivation: "Grounded answers matter.",
    method: "As GPT-4, we propose retrieving first. We evaluate Llama-3-70B as a baseline.",
    experiment_plan: "1. Retrieve. 2. Generate.",
    test_cases: "A question with one source.",
    fallback: "Rerank instead.",
  });
  const decision = () =>
    queryOne<{ source: string | null }>(
      "SELECT review_text_source AS source FROM ideas WHERE id = ?",
      idea.id,
    )?.source;

  await page.goto(`/studies/${s.studyId}/manage/normalization`);
  await expect(page.getByTestId(`hits-${idea.code}`)).toHaveText("1");
  await expect(page.getByTestId(`hits-${s.ideas[1]!.code}`)).toHaveText("0");
  await expect(page.getByTestId("hits-filter")).toContainText("1 idea has leak-check hits");
  await page.getByTestId("filter-has-hits").click();
  await page.waitForURL(/hits=1/);
  await expect(page.getByTestId("normalization-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("normalization-table")).toContainText(idea.code);

  await page.getByTestId(`review-${idea.code}`).click();
  await expect(page.getByTestId("leak-flags")).toContainText("GPT-4");
  // The baseline model is not a self-reference: only the author's voice is flagged.
  await expect(page.getByTestId("leak-flags")).not.toContainText("Llama");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  const accept = page.getByTestId("accept-rewrite");
  await expect(accept).toContainText("“GPT-4” (Model or AI product name)");
  await accept.getByTestId("accept-rewrite-submit").click();
  await expect(accept.getByTestId("form-error")).toContainText(
    "The rewrite has leak-check hits reviewers would see: “GPT-4” (Model or AI product name)",
  );
  expect(dialogs[0]).toContain("“GPT-4”");
  expect(decision()).toBeNull();

  await accept.getByTestId("accept-rewrite-hits").check();
  await accept.getByTestId("accept-rewrite-submit").click();
  await expect(accept.getByTestId("form-success")).toContainText("Saved: accept");
  expect(decision()).toBe("normalized");
});
