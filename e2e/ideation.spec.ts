import path from "node:path";
import { recordBodies } from "./crawl";
import { countRows } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { runSeeder } from "./run-seeder";

// Chain-of-Ideas end to end: an organizer imports a small corpus, starts a CoI run for 2 topics × 2
// ideas, is refused a bad budget by name, cancels the run and resumes it, sees its cost, and finds the
// ideas in the study under the new condition with their provenance; a reviewer who then reviews those
// ideas receives no trace of the agent, the run, the chains or the condition.

const CORPUS = path.join(__dirname, "fixtures", "ideation-corpus.jsonl");

test("organizer runs CoI, cancels and resumes, sees cost and the ideas; reviewers see none of it", async ({
  adminPage: page,
  browser,
}) => {
  test.setTimeout(180_000);
  const s = runSeeder("ideationStudy", { title: `Ideation study ${Date.now()}`, slowMs: 150 });

  await page.goto(`/studies/${s.studyId}/literature`);
  await page.getByTestId("import-file").setInputFiles(CORPUS);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toContainText("Imported 8 papers");

  await page.goto(`/studies/${s.studyId}`);
  await page.getByTestId("study-nav").getByRole("link", { name: "Ideation" }).click();
  await expect(page.getByTestId("ideation-page")).toBeVisible();
  const form = page.getByTestId("start-run");
  await form.getByTestId("field-n").fill("2");
  await form.getByTestId("field-model").fill("gpt-4o-mini");
  await form.getByTestId("field-budgetUsd").fill("0");
  await form.getByTestId("start-run-submit").click();
  await expect(form.getByTestId("error-budgetUsd")).toHaveText("Budget: must be more than $0.");
  expect(countRows("ideation_runs", "study_id = ?", s.studyId)).toBe(0);

  await form.getByTestId("field-budgetUsd").fill("1");
  await form.getByTestId("start-run-submit").click();
  await form.getByTestId("form-success").getByRole("link", { name: "Watch its progress" }).click();
  await expect(page.getByTestId("ideation-run")).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/Queued|Running/);

  // Cancel asks first and says what stops and what stays.
  page.once("dialog", (d) => {
    expect(d.message()).toContain("Finished steps and the ideas already written stay");
    return d.accept();
  });
  await page.getByTestId("cancel-run-submit").click();
  await expect(page.getByTestId("run-status")).toHaveText("Cancelled");
  expect(
    countRows("generated_ideas", "idea_id IN (SELECT id FROM ideas WHERE study_id = ?)", s.studyId),
  ).toBeLessThan(4);

  await page.reload();
  page.once("dialog", (d) => {
    expect(d.message()).toContain("finished steps are not redone");
    return d.accept();
  });
  await page.getByTestId("resume-run-submit").click();
  await expect(page.getByTestId("run-status")).toHaveText("Done", { timeout: 120_000 });
  await expect(page.getByTestId("run-spent")).toHaveText(/^\$0\.\d{4}$/);
  await expect(page.getByTestId("run-spent")).not.toHaveText("$0.0000");
  await expect(page.getByTestId("run-stage-costs")).toContainText("novelty");
  const ideaRows = page.getByTestId("run-ideas").locator("tbody tr");
  await expect(ideaRows).toHaveCount(4);
  await expect(ideaRows.first()).toContainText("$0.");

  // The ideas are in the study, submitted under the new condition, with their provenance.
  expect(
    countRows(
      "ideas",
      "study_id = ? AND status = 'submitted' AND provenance = 'generated' AND condition_id IN (SELECT id FROM conditions WHERE key = 'CoI' AND study_id = ?)",
      s.studyId,
      s.studyId,
    ),
  ).toBe(4);
  await ideaRows.first().getByRole("link").click();
  await expect(page.getByTestId("organizer-idea")).toBeVisible();
  await expect(page.getByTestId("idea-provenance")).toContainText("CoI");
  await expect(page.getByTestId("generated-provenance")).toContainText("agent coi");
  await expect(page.getByTestId("provenance-chain").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("provenance-calls").locator("li").first()).toBeVisible();

  // A reviewer reviews every idea, generated ones included: nothing of the agent, run, chains or condition.
  const r = runSeeder("ideationReview", { studyId: s.studyId });
  expect(r.generatedIdeaIds).toHaveLength(4);
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  const bodies = recordBodies(reviewer);
  await new SignInPage(reviewer).signIn(r.reviewer.email, r.reviewer.password);
  await reviewer.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await reviewer.goto(`/studies/${s.studyId}`);
  await expect(reviewer.getByTestId("study-nav")).not.toContainText("Ideation");
  await reviewer.goto(`/studies/${s.studyId}/review`);
  for (const id of r.assignmentIds) {
    await reviewer.goto(`/studies/${s.studyId}/review/${id}`);
    await expect(reviewer.getByTestId("idea-text")).toBeVisible();
  }
  const received = await bodies();
  // Typing the organizer's URLs is refused (on another tab, outside the crawl: the URL is the reviewer's own).
  const probe = await context.newPage();
  for (const runId of r.runIds) {
    const res = await probe.goto(`/studies/${s.studyId}/ideation/${runId}`);
    expect(res?.status()).toBe(403);
    expect(await probe.content()).not.toContain("Chain-of-Ideas");
  }
  expect((await probe.goto(`/studies/${s.studyId}/ideation`))?.status()).toBe(403);
  expect(received.length).toBeGreaterThan(r.assignmentIds.length);
  const forbidden = [
    "CoI",
    "Chain-of-Ideas",
    "agents.ideation-lab.invalid",
    '"generated"',
    "noveltyStatus",
    "ideation:coi",
    ...r.runIds,
    ...r.generatedIdeaIds,
    ...r.chainPaperIds,
  ];
  for (const { url, body } of received) {
    for (const secret of forbidden) expect(body.includes(secret), `${url} contains ${secret}`).toBe(false);
  }
  await context.close();
});
