import path from "node:path";
import { recordBodies } from "./crawl";
import { countRows } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { runSeeder } from "./run-seeder";

// Overgenerate–dedup–rank and RAG side by side (issue 14): an organizer starts both agents on 2
// topics into two conditions, watches the unique-rate chart, finds the ideas in the study, compares
// the two agents, and opens the similarity map; a reviewer sees nothing of any of it.

const CORPUS = path.join(__dirname, "fixtures", "ideation-corpus.jsonl");
const ODR = "Overgen_ideas";
const RAG = "Rag_ideas";

test("organizer runs overgenerate-dedup-rank and RAG into two conditions; reviewers see none of it", async ({
  adminPage: page,
  browser,
}) => {
  test.setTimeout(240_000);
  const s = runSeeder("ideationStudy", { title: `Ideators study ${Date.now()}`, slowMs: 0 });

  await page.goto(`/studies/${s.studyId}/literature`);
  await page.getByTestId("import-file").setInputFiles(CORPUS);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toContainText("Imported 8 papers");

  await page.goto(`/studies/${s.studyId}/ideation`);
  const form = page.getByTestId("start-run");
  await form.getByTestId("agent-coi").uncheck();
  await form.getByTestId("agent-direct").uncheck();
  await form.getByTestId("agent-overgenerate").check();
  await form.getByTestId("agent-rag").check();
  await form.getByTestId("field-condition_overgenerate").fill(ODR);
  await form.getByTestId("field-condition_rag").fill(RAG);
  await form.getByTestId("field-n").fill("2");
  await form.getByTestId("field-model").fill("gpt-4o-mini");
  await form.getByTestId("field-budgetUsd").fill("2");
  await form.getByTestId("field-overgenerate_seeds").fill("3");
  await form.getByTestId("start-run-submit").click();
  await expect(form.getByTestId("error-params_overgenerate")).toContainText(
    "Seeds per topic must be at least 5",
  );
  expect(countRows("ideation_runs", "study_id = ?", s.studyId)).toBe(0);
  await form.getByTestId("field-overgenerate_seeds").fill("60");
  await form.getByTestId("start-run-submit").click();
  await form.getByTestId("form-success").getByRole("link", { name: "Watch its progress" }).click();
  await expect(page.getByTestId("ideation-run")).toBeVisible();

  // The saturation chart appears while seeds stream in, and says how duplicates were found.
  await expect(page.getByTestId("unique-rate-chart")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("dedup-method")).toContainText("embeddings");
  await expect(page.getByTestId("run-status")).toHaveText("Done", { timeout: 180_000 });
  const rateRows = page.getByTestId("unique-rate-table").locator("tbody tr");
  await expect(rateRows).toHaveCount(2);
  await expect(rateRows.first()).toContainText(ODR);
  await expect(rateRows.first()).toContainText("60");
  await expect(page.getByTestId("unique-rate-chart").locator("path.recharts-curve").first()).toBeVisible();
  await expect(page.getByTestId("run-ideas").locator("tbody tr")).toHaveCount(8);
  await expect(page.getByTestId("run-stage-costs")).toContainText("seeds");

  // The ideas are submitted ideas of the two new conditions.
  for (const key of [ODR, RAG]) {
    expect(
      countRows(
        "ideas",
        "study_id = ? AND status = 'submitted' AND provenance = 'generated' AND condition_id IN (SELECT id FROM conditions WHERE key = ? AND study_id = ?)",
        s.studyId,
        key,
        s.studyId,
      ),
    ).toBe(4);
  }

  // The ideation page compares the two agents of the run.
  await page.goto(`/studies/${s.studyId}/ideation`);
  const compared = page.getByTestId("agent-comparison").locator("tbody tr");
  await expect(compared).toHaveCount(2);
  await expect(compared.nth(0)).toContainText(`Overgenerate–dedup–rank → ${ODR}`);
  await expect(compared.nth(0)).toContainText("%");
  await expect(compared.nth(1)).toContainText(`RAG baseline → ${RAG}`);
  await expect(compared.nth(1)).toContainText("$0.");

  // The similarity map compares the conditions and links the closest cross-condition pairs.
  await page.getByRole("link", { name: "Idea similarity map" }).click();
  await expect(page.getByTestId("similarity-method")).toContainText("embeddings");
  await expect(page.getByTestId("similarity-matrix").locator("tbody tr")).toHaveCount(2);
  const pairs = page.getByTestId("similar-pairs").locator("tbody tr");
  await expect(pairs).toHaveCount(16);
  await pairs.first().getByRole("link").first().click();
  await expect(page.getByTestId("organizer-idea")).toBeVisible();

  // A reviewer reviews every idea: no page, response or id gives the agents, run or conditions away.
  const r = runSeeder("ideationReview", { studyId: s.studyId });
  expect(r.generatedIdeaIds).toHaveLength(8);
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  const bodies = recordBodies(reviewer);
  await new SignInPage(reviewer).signIn(r.reviewer.email, r.reviewer.password);
  await reviewer.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await reviewer.goto(`/studies/${s.studyId}`);
  await expect(reviewer.getByTestId("study-nav")).not.toContainText("Ideation");
  for (const id of r.assignmentIds) {
    await reviewer.goto(`/studies/${s.studyId}/review/${id}`);
    await expect(reviewer.getByTestId("idea-text")).toBeVisible();
  }
  for (const url of [
    `/studies/${s.studyId}/ideation`,
    `/studies/${s.studyId}/ideation/similarity`,
    ...r.runIds.map((id) => `/studies/${s.studyId}/ideation/${id}`),
  ]) {
    expect((await reviewer.goto(url))?.status(), url).toBe(403);
  }
  const received = await bodies();
  const forbidden = [
    ODR,
    RAG,
    "dedup–rank",
    "RAG baseline",
    "unique-rate",
    "ideation:overgenerate",
    "ideation:rag",
    "seedName",
    "dedupMethod",
    ...r.runIds,
    ...r.generatedIdeaIds,
  ];
  for (const { url, body } of received) {
    // The 403 probes above put a run id in their own URL; the page echoing it back is no leak.
    for (const secret of forbidden)
      if (!url.includes(secret)) expect(body.includes(secret), `${url} contains ${secret}`).toBe(false);
  }
  await context.close();
});
