import type { Browser, Page } from "@playwright/test";
import { countRows } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import type { SeededUser } from "./seed";
import { seedReviewStudy } from "./seed";
import { seedOpenAssignment, seedPhaseDates } from "./seed-open-work";
import { seedResultsStudy } from "./seed-reviews";

// What can silently break a study's blindness or end others' work asks first, and the server
// enforces it: publishing results while reviews are open, what members may download, and phase
// changes that end open work or override planned dates. Starting the arena leaves reviewing open.

async function signInAs(browser: Browser, user: SeededUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).signIn(user.email, user.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return page;
}

test("publishing results asks first, is refused while reviews are open, and shares reviews.csv only when ticked", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedResultsStudy({ title: `Publish safety ${Date.now()}` });
  const drafter = s.reviewers[4] as SeededUser;
  seedOpenAssignment({ studyId: s.studyId, ideaId: s.ideas[0]!.id, reviewerId: drafter.id });
  const results = `/studies/${s.studyId}/results`;
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.accept();
  });

  await page.goto(results);
  await expect(page.getByTestId("publish-results-open-warning")).toContainText(
    "1 assigned review is still open",
  );
  await page.getByTestId("publish-results-submit").click();
  await expect(page.getByTestId("publish-results").getByTestId("form-error")).toContainText(
    "1 assigned review is still open",
  );
  expect(dialogs[0]).toContain("Every member of the study");
  expect(countRows("result_snapshots", "study_id = ?", s.studyId)).toBe(0);

  // Overridden: published, summary tables only (the default).
  await page.getByTestId("publish-results-allow-open").check();
  await page.getByTestId("publish-results-submit").click();
  await expect(page.getByTestId("publish-results").getByTestId("form-success")).toContainText(
    "Published from",
  );
  expect(countRows("result_snapshots", "study_id = ?", s.studyId)).toBe(1);

  // The reviewer with the open assignment sees the tables but cannot get the per-review table.
  const member = await signInAs(browser, drafter);
  expect((await member.goto(results))?.status()).toBe(200);
  await expect(member.getByTestId("review-table-not-shared")).toBeVisible();
  await expect(member.getByTestId("download-reviews")).toHaveCount(0);
  const significance = await member.getByTestId("download-significance").getAttribute("href");
  const snapshot = new URL(significance as string, "http://x").searchParams.get("snapshot");
  expect((await member.request.get(significance as string)).status()).toBe(200);
  const refused = await member.request.get(
    `/api/studies/${s.studyId}/results/download?file=reviews.csv&snapshot=${snapshot}`,
  );
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("per-review table is not shared");

  // Published again with the per-review table ticked: now members may download it.
  await page.goto(results);
  await page.getByTestId("publish-results-allow-open").check();
  await page.getByTestId("publish-results-share-reviews").check();
  await page.getByTestId("publish-results-submit").click();
  await expect(page.getByTestId("publish-results").getByTestId("form-success")).toContainText(
    "Published from",
  );
  await member.goto(results);
  const reviewsHref = await member.getByTestId("download-reviews").getAttribute("href");
  const shared = await member.request.get(reviewsHref as string);
  expect(shared.status()).toBe(200);
  expect(await shared.text()).toContain("condition");
  await member.context().close();
});

test("phase changes list the open work they end and the dates they override; the arena keeps reviewing open", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({ title: `Phase safety ${Date.now()}` });
  const reviewer = s.reviewers[0] as SeededUser;
  const assignmentId = seedOpenAssignment({
    studyId: s.studyId,
    ideaId: s.ideas[0]!.id,
    reviewerId: reviewer.id,
  });
  const inTwentyDays = Date.now() + 20 * 86_400_000;
  const day = new Date(inTwentyDays).toISOString().slice(0, 10);
  seedPhaseDates(s.studyId, { reviewing: { closesAt: inTwentyDays }, arena: { opensAt: inTwentyDays } });

  // Start arena: ends nothing (reviewing stays open) but comes before the arena's planned opening.
  await page.goto(`/studies/${s.studyId}/settings`);
  const arenaImpact = page.getByTestId("phase-arena-impact");
  await expect(arenaImpact).toContainText(`arena was planned to open on ${day}`);
  await expect(arenaImpact).not.toContainText("review");
  await page.getByTestId("phase-arena-submit").click();
  await expect(page.getByTestId("phase-arena").getByTestId("form-error")).toContainText(
    "Confirm moving to arena",
  );
  await expect(page.getByTestId("current-phase")).toHaveText("reviewing");
  await page.getByTestId("phase-arena-confirm").check();
  await page.getByTestId("phase-arena-submit").click();
  await expect(page.getByTestId("current-phase")).toHaveText("arena");

  // The reviewer can still write the review during the arena.
  const r = await signInAs(browser, reviewer);
  await r.goto(`/studies/${s.studyId}/review/${assignmentId}`);
  await expect(r.getByTestId("idea-text")).toBeVisible();
  await expect(r.getByTestId("review-readonly")).toHaveCount(0);

  // Closing the study ends the open review and overrides the review due date; refused unconfirmed.
  await page.goto(`/studies/${s.studyId}/settings`);
  const closeImpact = page.getByTestId("phase-closed-impact");
  await expect(closeImpact).toContainText("1 assigned review not yet started will never be written.");
  await expect(closeImpact).toContainText(`reviewing was planned to close on ${day}`);
  await page.getByTestId("phase-closed-submit").click();
  await expect(page.getByTestId("phase-closed").getByTestId("form-error")).toContainText(
    "Confirm moving to closed",
  );
  await expect(page.getByTestId("current-phase")).toHaveText("arena");
  await page.getByTestId("phase-closed-confirm").check();
  await page.getByTestId("phase-closed-submit").click();
  await expect(page.getByTestId("current-phase")).toHaveText("closed");

  // The page the reviewer opened above is in the server's page cache; closing changed the database,
  // so the reload is rendered again rather than answered from it.
  await r.reload();
  await expect(r.getByTestId("review-readonly")).toContainText("The review phase has closed");
  await r.context().close();
});
