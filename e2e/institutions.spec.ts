import type { Page } from "@playwright/test";
import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET, seedReviewStudy } from "./seed";
import { seedConsentText } from "./seed-open-work";

// Everyone can set name and institution on the account page, and writers are asked at consent, so the
// assignment's same-institution conflict has something to compare (db/queries/account-profile.test.ts
// proves such a pair is never assigned). Consent returns to the page that asked for it.

const profileOf = (id: string) =>
  queryOne<{ name: string; institution: string }>("SELECT name, institution FROM users WHERE id = ?", id);

test("writers give their institution at consent and everyone can change name and institution", async ({
  browser,
}) => {
  const s = seedReviewStudy({ title: `Institutions ${Date.now()}`, status: "writing" });
  seedConsentText(s.studyId, "Your ideas may be withdrawn at any time.");
  const page: Page = await (await browser.newContext()).newPage();
  await new SignInPage(page).signIn(s.author.email, s.author.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

  await page.goto(`/studies/${s.studyId}/ideas`);
  await expect(page.getByTestId("consent")).toBeVisible();
  const institution = page.getByTestId("consent-form").getByLabel("Your institution");
  await expect(institution).toHaveValue(SECRET.institution);
  await institution.fill("Lakeside University");
  await page.getByTestId("consent-form-submit").click();
  await page.waitForURL(new RegExp(`/studies/${s.studyId}/ideas$`));
  await expect(page.getByTestId("consent")).toHaveCount(0);
  await expect(page.getByTestId("my-ideas")).toBeVisible();
  expect(profileOf(s.author.id)?.institution).toBe("Lakeside University");

  await page.goto("/account");
  const form = page.getByTestId("account-profile");
  await form.getByLabel("Name").fill("  ");
  await form.getByLabel("Institution").fill("Hillside Institute");
  await page.getByTestId("account-profile-submit").click();
  await expect(form.getByTestId("form-error")).toContainText("Name: enter your name.");
  expect(profileOf(s.author.id)).toEqual({ name: SECRET.authorName, institution: "Lakeside University" });

  await form.getByLabel("Name").fill("W. Quarrington");
  await page.getByTestId("account-profile-submit").click();
  await expect(form.getByTestId("form-success")).toContainText("Saved.");
  expect(profileOf(s.author.id)).toEqual({ name: "W. Quarrington", institution: "Hillside Institute" });
  await page.context().close();
});
