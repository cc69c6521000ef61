import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { seedReviewStudy } from "./seed";
import { seedUndecidedRewrite } from "./seed-open-work";

// The organizer's normalization page: buttons say what they will do, bulk accept takes only the
// rewrites without leak-check hits (after saying how many and asking), the per-idea view renders the
// Markdown diff safely and links to the next idea, and a phase that forbids decisions disables them
// with the reason.

const rewrite = (extra: Partial<Record<string, string>> = {}) => ({
  title: "Retrieval before generation",
  problem: "Answers drift from their sources.",
  motivation: "Grounded answers matter.",
  method: "We **retrieve** first.\n\n- Rank passages.\n- Generate from the best one.",
  experiment_plan: "1. Retrieve. 2. Generate.",
  test_cases: "A question with one source.",
  fallback: "Rerank instead.",
  ...extra,
});

const source = (ideaId: string) =>
  queryOne<{ source: string | null }>("SELECT review_text_source AS source FROM ideas WHERE id = ?", ideaId)
    ?.source ?? null;

test("bulk accept takes only clean rewrites after asking; labels, next idea and the Markdown diff", async ({
  adminPage: page,
}) => {
  const s = seedReviewStudy({
    title: `Normalization page ${Date.now()}`,
    status: "normalization",
    ideasPerCell: 1,
  });
  const [clean1, clean2, leaky, decided] = s.ideas as [
    (typeof s.ideas)[0],
    (typeof s.ideas)[0],
    (typeof s.ideas)[0],
    (typeof s.ideas)[0],
  ];
  seedUndecidedRewrite(clean1.id, rewrite());
  seedUndecidedRewrite(clean2.id, rewrite({ title: "Rerank, then generate" }));
  seedUndecidedRewrite(
    leaky.id,
    rewrite({ problem: "As an AI language model, I see answers drift. <script>window.__pwned = 1</script>" }),
  );

  await page.goto(`/studies/${s.studyId}/manage/normalization`);
  // Nothing ticked and every idea has a rewrite: the run button says so and is disabled.
  const start = page.getByTestId("start-normalization-submit");
  await expect(start).toHaveText("Normalize 0 ideas without a rewrite");
  await expect(start).toBeDisabled();
  await expect(page.getByTestId("start-normalization-disabled-reason")).toContainText("tick ideas");
  await page.getByLabel(`Select ${clean1.code}`).check();
  await expect(start).toHaveText("Normalize 1 selected idea");
  await expect(start).toBeEnabled();
  await page.getByLabel(`Select ${clean2.code}`).check();
  await expect(start).toHaveText("Normalize 2 selected ideas");
  await page.getByLabel(`Select ${clean1.code}`).uncheck();
  await page.getByLabel(`Select ${clean2.code}`).uncheck();

  const bulk = page.getByTestId("bulk-accept-submit");
  await expect(bulk).toHaveText("Accept 2 rewrites without hits");
  const dialogs: string[] = [];
  page.once("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await bulk.click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain("2 ideas");
  expect(dialogs[0]).toContain(clean1.code);
  expect(dialogs[0]).toContain(clean2.code);
  expect(dialogs[0]).not.toContain(leaky.code);
  // Dismissed: nothing changed.
  expect(source(clean1.id)).toBeNull();

  page.once("dialog", (d) => void d.accept());
  await bulk.click();
  await expect(page.getByTestId("bulk-accept").getByTestId("form-success")).toContainText(
    "Accepted 2 rewrites",
  );
  expect(source(clean1.id)).toBe("normalized");
  expect(source(clean2.id)).toBe("normalized");
  expect(source(leaky.id)).toBeNull();
  expect(source(decided.id)).toBe("normalized");
  await expect(page.getByTestId(`decision-${clean1.code}`)).toHaveText("accepted (normalized)");
  await page.reload();
  await expect(page.getByTestId("bulk-accept-submit")).toHaveText("Accept 0 rewrites without hits");
  await expect(page.getByTestId("bulk-accept-submit")).toBeDisabled();

  // The leaky idea's page: the diff is rendered Markdown, no script runs, and "next idea" moves on.
  await page.getByTestId(`review-${leaky.code}`).click();
  const method = page.getByTestId("diff-method");
  await expect(method.locator("strong")).toContainText("retrieve");
  await expect(method.locator("li")).toHaveCount(2);
  const problem = page.getByTestId("diff-problem");
  await expect(problem.locator("ins").first()).toBeVisible();
  await expect(problem.locator("del").first()).toBeVisible();
  await expect(problem.locator("script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByTestId("accept-rewrite-submit")).toHaveText("Accept the rewrite with its leak hits");
  await expect(page.getByTestId("use-original-submit")).toHaveText("Use the original text");
  const next = page.getByTestId("next-idea");
  await expect(next).toHaveText("Next idea →");
  const href = await next.getAttribute("href");
  expect(href).toMatch(/\/manage\/normalization\/[0-9a-f-]{36}$/);
  expect(href).not.toContain(leaky.id);
  await next.click();
  await page.waitForURL((u) => u.pathname === href);
  await expect(page.getByTestId("current-decision")).toBeVisible();
});

test("in the reviewing phase normalization buttons are disabled and say why", async ({ adminPage: page }) => {
  const s = seedReviewStudy({
    title: `Normalization locked ${Date.now()}`,
    ideasPerCell: 1,
    reviewerCount: 0,
  });
  const idea = s.ideas[0]!;
  await page.goto(`/studies/${s.studyId}/manage/normalization`);
  await expect(page.getByTestId("bulk-accept-submit")).toBeDisabled();
  await expect(page.getByTestId("bulk-accept-disabled-reason")).toContainText(
    "the study is in the reviewing phase",
  );
  await page.goto(`/studies/${s.studyId}/manage/normalization/${idea.id}`);
  for (const id of ["accept-rewrite", "use-original", "edit-rewrite"]) {
    await expect(page.getByTestId(`${id}-submit`)).toBeDisabled();
    await expect(page.getByTestId(`${id}-disabled-reason`)).toContainText("reviewing phase");
  }
});
