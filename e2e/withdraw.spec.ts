import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET, seedReviewStudy } from "./seed";
import { seedOpenAssignment } from "./seed-open-work";

// A writer can withdraw an idea after writing has closed (the consent text promises it): its open
// review is cancelled, the reviewer no longer sees it, and the organizer finds the withdrawal on the
// assignment and arena pages.

test("a writer withdraws an idea during reviewing; reviews stop and the organizer sees the trail", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({ title: `Withdraw ${Date.now()}`, reviewerCount: 2 });
  const idea = s.ideas.find((i) => i.condition === SECRET.conditions[0]!.key)!;
  const reviewer = s.reviewers[0]!;
  const assignmentId = seedOpenAssignment({ studyId: s.studyId, ideaId: idea.id, reviewerId: reviewer.id });

  const writer = await (await browser.newContext()).newPage();
  await new SignInPage(writer).signIn(s.author.email, s.author.password);
  await writer.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await writer.goto(`/studies/${s.studyId}/ideas/${idea.id}`);
  let dialog = "";
  writer.once("dialog", (d) => {
    dialog = d.message();
    void d.accept();
  });
  await writer.getByTestId("withdraw-idea-late").click();
  await expect(writer.getByTestId("withdraw-late")).toContainText("Withdrawn.");
  expect(dialog).toContain("Reviews not yet submitted are cancelled");
  expect(queryOne<{ status: string }>("SELECT status FROM ideas WHERE id = ?", idea.id)?.status).toBe(
    "withdrawn",
  );
  expect(queryOne<{ state: string }>("SELECT state FROM assignments WHERE id = ?", assignmentId)?.state).toBe(
    "withdrawn",
  );
  await writer.context().close();

  const r = await (await browser.newContext()).newPage();
  await new SignInPage(r).signIn(reviewer.email, reviewer.password);
  await r.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await r.goto(`/studies/${s.studyId}/review`);
  await expect(r.locator("main")).not.toContainText(idea.code);
  await r.context().close();

  for (const where of ["assignment", "arena"]) {
    await page.goto(`/studies/${s.studyId}/manage/${where}`);
    const trail = page.getByTestId("withdrawn-ideas");
    await expect(trail.getByTestId("withdrawn-row")).toHaveCount(1);
    await expect(trail.getByTestId("withdrawn-row")).toContainText(idea.code);
    await expect(trail.getByTestId("withdrawn-row")).toContainText("reviewing");
  }
});
