import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The role fixtures of e2e/fixtures.ts, each on the same seeded study: every person sees the tabs of
// the role they hold and no other role's, and only the organizer gets into an organizer page (the guard
// answers the others with 403, whatever the navigation shows).

const OWN_TAB = {
  organizer: "Assignment",
  writer: "My ideas",
  reviewer: "My reviews",
  judge: "Arena",
} as const;
type Role = keyof typeof OWN_TAB;

test("each study role sees its own tabs, and only the organizer opens an organizer page", async ({
  roleStudy,
  organizerPage,
  writerPage,
  reviewerPage,
  judgePage,
}) => {
  const people: [Role, Page][] = [
    ["organizer", organizerPage.page],
    ["writer", writerPage.page],
    ["reviewer", reviewerPage.page],
    ["judge", judgePage.page],
  ];
  for (const [role, page] of people) {
    await page.goto(`/studies/${roleStudy.studyId}`);
    const nav = page.getByTestId("study-nav");
    await expect(nav.getByRole("link", { name: "Overview", exact: true }), role).toBeVisible();
    for (const [other, tab] of Object.entries(OWN_TAB)) {
      await expect(nav.getByRole("link", { name: tab, exact: true }), `${role} / ${tab}`).toHaveCount(
        other === role ? 1 : 0,
      );
    }

    await page.goto(`/studies/${roleStudy.studyId}/manage/assignment`);
    if (role === "organizer") {
      await expect(page.getByText("Run the assignment")).toBeVisible();
      await expect(page.getByTestId("page-403")).toHaveCount(0);
    } else {
      await expect(page.getByTestId("page-403"), role).toBeVisible();
    }
  }
});

test("the writer fixture is the author of the study's human ideas, the reviewer one of its reviewers", async ({
  roleStudy,
  writerPage,
  reviewerPage,
}) => {
  expect(writerPage.user.id).toBe(roleStudy.author.id);
  await writerPage.page.goto(`/studies/${roleStudy.studyId}/ideas`);
  await expect(writerPage.page.getByTestId("my-ideas")).toContainText("Reasoning idea 1 (original)");

  expect(roleStudy.reviewers.map((r) => r.id)).toContain(reviewerPage.user.id);
  await reviewerPage.page.goto(`/studies/${roleStudy.studyId}/review`);
  await expect(reviewerPage.page.getByText("Assigned ideas")).toBeVisible();
  await expect(reviewerPage.page.getByTestId("page-403")).toHaveCount(0);
});
