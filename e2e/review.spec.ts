import type { Page } from "@playwright/test";
import { recordBodies } from "./crawl";
import { countRows, queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET, seedReviewerProfile, seedReviewStudy } from "./seed";

// The review workflow end to end: sign-up, assignment preview and publish, blind reviewing with
// autosave and idempotent submit, the blindness crawl, the dashboard, and the export/import round trip.

const METRICS = ["novelty", "excitement", "feasibility", "effectiveness", "overall"] as const;
const RATIONALE =
  "The idea is close to prior work on retrieval-augmented reasoning, but the proposed evaluation differs in a useful way.";

async function pick(page: Page, name: string, value: number) {
  // The radios are visually hidden inside their labels (the labels are what people click).
  await page.getByTestId(`option-${name}-${value}`).click();
  await expect(page.getByTestId(`${name}-${value}`)).toBeChecked();
}

test("organizer assigns, a reviewer reviews blind, the dashboard counts, reviews round-trip", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({ title: `Review study ${Date.now()}` });
  const [r1, r2, r3] = s.reviewers as [
    (typeof s.reviewers)[0],
    (typeof s.reviewers)[0],
    (typeof s.reviewers)[0],
  ];
  seedReviewerProfile({ studyId: s.studyId, userId: r2.id, minLoad: 2, maxLoad: 10 });
  seedReviewerProfile({ studyId: s.studyId, userId: r3.id, minLoad: 2, maxLoad: 10 });

  // Reviewer 1 signs up in the browser; everything it receives from here on is checked for leaks.
  const r1Context = await browser.newContext();
  const reviewer = await r1Context.newPage();
  const bodies = recordBodies(reviewer);
  await new SignInPage(reviewer).signIn(r1.email, r1.password);
  await reviewer.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await reviewer.goto(`/studies/${s.studyId}/review`);
  await expect(reviewer.getByTestId("queue-empty")).toContainText("Sign up below first");
  await reviewer.getByTestId("field-minLoad").fill("6");
  await reviewer.getByTestId("field-maxLoad").fill("10");
  await reviewer.getByTestId("reviewer-profile-submit").click();
  await expect(reviewer.getByTestId("error-topicIds")).toHaveText("Choose at least one topic.");
  await reviewer.getByTestId("topic-Reasoning").check();
  await reviewer.getByTestId("topic-Retrieval").check();
  await reviewer.getByTestId("reviewer-profile-submit").click();
  await expect(reviewer.getByTestId("form-success")).toContainText("Saved");

  // The organizer runs the assignment, previews it, is refused an impossible hand edit, publishes.
  await page.goto(`/studies/${s.studyId}/manage/assignment`);
  await expect(page.getByTestId("not-signed-up")).toHaveCount(0);
  await page.getByTestId("field-reviewsMin").fill("2");
  await page.getByTestId("field-reviewsMax").fill("2");
  await page.getByTestId("field-seed").fill("1");
  await page.getByTestId("run-assignment-submit").click();
  await expect(page.getByTestId("report-summary")).toContainText(
    "Placed 24 reviews; 12 of 12 ideas reach the minimum",
  );
  await expect(page.getByTestId("preview-idea-row")).toHaveCount(12);
  await expect(page.getByTestId("proposed-row")).toHaveCount(24);
  const firstRow = page.getByTestId("proposed-row").first();
  const code = (await firstRow.locator("td").nth(0).textContent())!.trim();
  const who = (await firstRow.locator("td").nth(1).textContent())!.trim();
  const addPair = page.getByTestId("add-pair");
  await addPair.getByTestId("field-ideaCode").fill(code);
  await addPair.getByTestId("select-reviewerId").selectOption({ label: who });
  await page.getByTestId("add-pair-submit").click();
  await expect(addPair.getByTestId("form-error")).toContainText(
    `Not added: ${who} already has idea ${code}.`,
  );
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("publish-assignments-submit").click();
  await expect(page.getByTestId("publish-assignments").getByTestId("form-success")).toContainText(
    "Published 24 assignments",
  );
  expect(countRows("assignments", "study_id = ? AND state = 'published'", s.studyId)).toBe(24);
  const mine = countRows(
    "assignments",
    "study_id = ? AND reviewer_id = ? AND state = 'published'",
    s.studyId,
    r1.id,
  );
  expect(mine).toBeGreaterThanOrEqual(6);

  // Reviewer 1: the queue, a draft that survives a reload, a refused incomplete submit, submit, edit.
  await reviewer.goto(`/studies/${s.studyId}/review`);
  await expect(reviewer.getByTestId("queue-row")).toHaveCount(mine);
  await reviewer.getByTestId("open-review").first().click();
  await reviewer.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  const reviewUrl = reviewer.url();
  const assignmentId = reviewUrl.split("/").at(-1)!;
  await expect(reviewer.getByTestId("idea-text")).toContainText("(normalized)");
  await expect(reviewer.getByTestId("idea-text")).not.toContainText(SECRET.originalMarker);
  await expect(reviewer.getByTestId("anchors-score-novelty")).toContainText("clearly novel");
  await pick(reviewer, "score-novelty", 7);
  await reviewer.getByTestId("rationale-novelty").fill(RATIONALE);
  await expect(reviewer.getByTestId("counter-novelty")).toContainText(`${RATIONALE.length} characters`);
  await expect(reviewer.getByTestId("save-state")).toContainText("Draft saved", { timeout: 15_000 });
  await reviewer.reload();
  await expect(
    reviewer.getByTestId("scale-score-novelty").getByRole("radio", { name: "7", exact: true }),
  ).toBeChecked();
  await expect(reviewer.getByTestId("rationale-novelty")).toHaveValue(RATIONALE);

  await reviewer.getByTestId("submit-review").click();
  await expect(reviewer.getByTestId("review-error")).toContainText("Please fix");
  await expect(reviewer.getByTestId("error-score-excitement")).toHaveText(
    "Excitement: choose a score from 1 to 10.",
  );
  expect(
    queryOne<{ status: string }>("SELECT status FROM reviews WHERE assignment_id = ?", assignmentId)?.status,
  ).toBe("draft");
  for (const [i, key] of METRICS.entries()) {
    await pick(reviewer, `score-${key}`, 4 + i);
    await reviewer.getByTestId(`rationale-${key}`).fill(RATIONALE);
  }
  await pick(reviewer, "confidence", 4);
  await pick(reviewer, "familiarity", 3);
  await reviewer.getByTestId("minutes").fill("35");
  await reviewer.getByTestId("submit-review").click();
  await expect(reviewer.getByTestId("review-submitted")).toBeVisible();
  const stored = queryOne<{ status: string; version: number; answers: string; active_seconds: number }>(
    "SELECT status, version, answers, active_seconds FROM reviews WHERE assignment_id = ?",
    assignmentId,
  )!;
  expect(stored.status).toBe("submitted");
  expect(JSON.parse(stored.answers).scores).toEqual({
    novelty: 4,
    excitement: 5,
    feasibility: 6,
    effectiveness: 7,
    overall: 8,
  });
  expect(stored.active_seconds).toBeGreaterThan(0);
  await pick(reviewer, "score-overall", 9);
  await expect(reviewer.getByTestId("submit-review")).toHaveText("Update review");
  await reviewer.getByTestId("submit-review").click();
  await expect(reviewer.getByTestId("review-submitted")).toBeVisible();
  const edited = queryOne<{ version: number; answers: string }>(
    "SELECT version, answers FROM reviews WHERE assignment_id = ?",
    assignmentId,
  )!;
  expect(edited.version).toBe(stored.version + 1);
  expect(JSON.parse(edited.answers).scores.overall).toBe(9);
  expect(countRows("reviews", "assignment_id = ?", assignmentId)).toBe(1);

  // The crawl: every page and route a reviewer can reach, plus organizer routes (refused).
  await reviewer.goto("/");
  await reviewer.goto(`/studies/${s.studyId}`);
  await reviewer.goto(`/studies/${s.studyId}/review`);
  const links = await reviewer
    .getByTestId("open-review")
    .evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  for (const href of links) await reviewer.goto(href);
  await reviewer.goto("/account");
  for (const path of [
    `/studies/${s.studyId}/manage/assignment`,
    `/studies/${s.studyId}/manage/reviews`,
    `/studies/${s.studyId}/manage/ideas`,
    `/studies/${s.studyId}/settings`,
    `/studies/${s.studyId}/literature`,
  ]) {
    const res = await reviewer.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  for (const path of [
    `/api/studies/${s.studyId}/reviews/export?format=csv`,
    `/api/studies/${s.studyId}/ideas/export?format=csv`,
  ]) {
    const res = await reviewer.request.get(path);
    expect(res.status(), path).toBe(403);
    expect(await res.text()).not.toContain(SECRET.authorName);
  }
  const received = await bodies();
  expect(received.length).toBeGreaterThan(10);
  const secrets = [
    SECRET.authorName,
    s.author.email,
    SECRET.institution,
    ...SECRET.conditions.flatMap((c) => [c.key, c.label]),
    '"written"',
    '"generated"',
    '"imported"',
    "provenance",
    SECRET.originalMarker,
    ...s.ideas.map((i) => i.id),
  ];
  for (const { url, body } of received) {
    for (const secret of secrets) expect(body.includes(secret), `${secret} leaked in ${url}`).toBe(false);
  }

  // Another reviewer cannot open reviewer 1's assignment.
  const r2Context = await browser.newContext();
  const other = await r2Context.newPage();
  await new SignInPage(other).signIn(r2.email, r2.password);
  await other.waitForURL((url) => !url.pathname.startsWith("/signin"));
  const denied = await other.goto(reviewUrl);
  expect(denied?.status()).toBe(404);
  await r2Context.close();
  await r1Context.close();

  // The first submitted review locked the form; the organizer's page says why.
  await page.goto(`/studies/${s.studyId}/manage/review-form`);
  await expect(page.getByTestId("review-form-locked")).toContainText("a review has been submitted");
  await expect(page.getByTestId("save-review-form")).toHaveCount(0);

  // The dashboard counts the submitted review.
  await page.goto(`/studies/${s.studyId}/manage/reviews`);
  const row = page.getByTestId("progress-reviewers").locator("tr", { hasText: r1.name });
  await expect(row).toContainText(String(mine));
  await expect(page.getByTestId("progress-reviewers")).toContainText(r2.name);
  await expect(page.getByTestId("remind-list")).toContainText(r2.email);

  // Export → import → export: the same table.
  const exported = await page.request.get(`/api/studies/${s.studyId}/reviews/export?format=csv`);
  expect(exported.status()).toBe(200);
  const csv = (await exported.text()).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe(
    "review_id,idea_code,idea_id,topic,condition,reviewer_id,novelty,excitement,feasibility,effectiveness,overall,confidence,familiarity,minutes,submitted_at,novelty_rationale,excitement_rationale,feasibility_rationale,effectiveness_rationale,overall_rationale,active_seconds",
  );
  expect(csv).not.toContain(r1.email);
  await page.getByTestId("review-import-file").setInputFiles({
    name: "reviews.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect(page.getByTestId("review-import-result")).toContainText(
    "Imported 0 reviews; 1 was already there.",
  );
  const again = await page.request.get(`/api/studies/${s.studyId}/reviews/export?format=csv`);
  expect((await again.text()).replace(/^\uFEFF/, "")).toBe(csv);
});
