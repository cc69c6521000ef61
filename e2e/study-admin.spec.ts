import fs from "node:fs";
import type { Browser } from "@playwright/test";
import { countRows, queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { runSeeder } from "./run-seeder";
import type { SeededUser } from "./seed-data";

// Issue 10, organizer tools: restoring an idea version, inviting a pasted list, archiving and
// deleting a study, and the admin job list naming each job's study.

async function signedIn(browser: Browser, user: SeededUser) {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).signIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: `Hello, ${user.name}` })).toBeVisible();
  return page;
}

const ideaTitle = (ideaId: string) =>
  JSON.parse(queryOne<{ fields: string }>("SELECT fields FROM ideas WHERE id = ?", ideaId)!.fields).title;

test("an organizer and the writer restore earlier versions; history stays; refused once writing closes", async ({
  browser,
}) => {
  const s = runSeeder("writingStudy", { title: `Restore study ${Date.now()}` });
  const versionsBefore = countRows("idea_versions", "idea_id = ?", s.ideaId);
  const organizer = await signedIn(browser, s.organizer);
  await organizer.goto(`/studies/${s.studyId}/manage/ideas/${s.ideaId}`);
  await expect(organizer.getByTestId("restore-note")).toContainText("every version stays");
  // The current text has no restore button; the first draft has one, and it asks first.
  await expect(organizer.getByTestId(`restore-${s.submittedVersion}`)).toHaveCount(0);
  let asked = "";
  organizer.once("dialog", (d) => {
    asked = d.message();
    void d.accept();
  });
  await organizer.getByTestId(`restore-${s.draftVersion}-submit`).click();
  const restored = s.submittedVersion + 1;
  await expect(organizer.getByTestId(`version-label-${restored}`)).toContainText(
    `restored from version ${s.draftVersion} by ${s.organizer.name}`,
  );
  expect(asked).toContain(`Restore version ${s.draftVersion}?`);
  expect(asked).toContain(`saved as a new version ${restored}`);
  expect(countRows("idea_versions", "idea_id = ?", s.ideaId)).toBe(versionsBefore + 1);
  expect(ideaTitle(s.ideaId)).toBe("Title: First draft.");

  // The writer brings their submitted text back from their version history.
  const writer = await signedIn(browser, s.writer);
  await writer.goto(`/studies/${s.studyId}/ideas/${s.ideaId}/history`);
  writer.once("dialog", (d) => void d.accept());
  await writer.getByTestId(`restore-${s.submittedVersion}-submit`).click();
  await expect(writer.getByTestId("versions")).toContainText(`restored from version ${s.submittedVersion}`);
  expect(ideaTitle(s.ideaId)).toBe("Title: Submitted text.");
  expect(countRows("idea_versions", "idea_id = ?", s.ideaId)).toBe(versionsBefore + 2);

  // Writing closes: the writer may no longer restore, and is told why.
  await organizer.goto(`/studies/${s.studyId}/settings`);
  const confirm = organizer.getByTestId("phase-normalization-confirm");
  if (await confirm.isVisible()) await confirm.check();
  await organizer.getByTestId("phase-normalization-submit").click();
  await expect(organizer.getByTestId("current-phase")).toHaveText("normalization");
  await writer.reload();
  await expect(writer.getByTestId("restore-note")).toContainText(
    "A version can be restored only during writing; the study is in the normalization phase",
  );
  await expect(writer.getByRole("button", { name: /Restore version/ })).toHaveCount(0);
  await writer.context().close();
  await organizer.context().close();
});

test("an organizer invites a pasted list: bad lines named and nothing created, then links shown once with a CSV", async ({
  browser,
}) => {
  const s = runSeeder("writingStudy", { title: `Invite study ${Date.now()}` });
  const page = await signedIn(browser, s.organizer);
  await page.goto(`/studies/${s.studyId}/members`);
  const form = page.getByTestId("bulk-invite-form");
  const tag = Date.now();
  await form.getByTestId("field-emails").fill(`a-${tag}@example.org\nnot an email\nb-${tag}@example.org`);
  await form.getByTestId("bulk-role-reviewer").check();
  await form.getByTestId("bulk-invite-form-submit").click();
  await expect(form.getByTestId("error-emails")).toContainText(
    'line 2: "not an email" is not a valid email address',
  );
  expect(countRows("invitations", "study_id = ?", s.studyId)).toBe(0);

  await form
    .getByTestId("field-emails")
    .fill(`a-${tag}@example.org, b-${tag}@example.org\nCee <c-${tag}@example.org>`);
  await form.getByTestId("bulk-invite-form-submit").click();
  const result = form.getByTestId("bulk-invite-result");
  await expect(result.getByTestId("bulk-link")).toHaveCount(3);
  await expect(result).toContainText("Email is not set up");
  // The form clears once the links are there.
  await expect(form.getByTestId("field-emails")).toHaveValue("");
  expect(countRows("invitations", "study_id = ? AND email LIKE ?", s.studyId, `%-${tag}@example.org`)).toBe(
    3,
  );
  const download = page.waitForEvent("download");
  await result.getByTestId("bulk-csv").click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("email,roles,link,expires_utc");
  expect(csv).toContain(`c-${tag}@example.org,reviewer,http`);
  expect(csv).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);

  // The single-link form still works beside it.
  const single = page.getByTestId("invite-form");
  await single.getByTestId("role-writer").check();
  await single.getByTestId("invite-form-submit").click();
  await expect(page.getByTestId("invite-link")).toHaveValue(/\/invite\//);

  // Revoked links can be hidden and shown again.
  await page.reload();
  const row = page
    .getByTestId("invitation-table")
    .getByRole("row")
    .filter({ hasText: `a-${tag}@example.org` });
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await page.getByTestId("toggle-revoked").click();
  await expect(page.getByTestId("invitation-table")).not.toContainText(`a-${tag}@example.org`);
  await expect(page.getByTestId("invitation-table")).toContainText(`b-${tag}@example.org`);
  await page.getByTestId("toggle-revoked").click();
  await expect(page.getByTestId("invitation-table")).toContainText(`a-${tag}@example.org`);
  await page.context().close();
});

test("the owner archives a study (read-only, hidden by default), unarchives it, then deletes it with its name", async ({
  browser,
  adminPage,
}) => {
  const title = `Lifecycle study ${Date.now()}`;
  const s = runSeeder("writingStudy", { title });
  // The admin job list names the study each job belongs to, with a link.
  await adminPage.goto("/admin/jobs");
  const jobStudy = adminPage.getByTestId("job-study").filter({ hasText: title });
  await expect(jobStudy.getByRole("link")).toHaveAttribute("href", `/studies/${s.studyId}`);

  const page = await signedIn(browser, s.organizer);
  await page.goto(`/studies/${s.studyId}/settings`);
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("archive-form-submit").click();
  await expect(page.getByTestId("archived-banner")).toBeVisible();
  await expect(page.getByTestId("archive-form-submit")).toHaveText("Unarchive this study");

  // Read-only: a write is refused by the server, saying why.
  await page.goto(`/studies/${s.studyId}/members`);
  const form = page.getByTestId("bulk-invite-form");
  await form.getByTestId("field-emails").fill("late@example.org");
  await form.getByTestId("bulk-role-writer").check();
  await form.getByTestId("bulk-invite-form-submit").click();
  await expect(form.getByTestId("form-error")).toContainText("archived and read-only");
  expect(countRows("invitations", "study_id = ?", s.studyId)).toBe(0);

  // Hidden from the studies list unless asked for.
  await page.goto("/");
  await expect(page.getByTestId("study-list")).not.toContainText(title);
  await page.getByTestId("toggle-archived").click();
  await expect(page.getByTestId("study-card").filter({ hasText: title })).toContainText("archived");

  await page.goto(`/studies/${s.studyId}/settings`);
  await page.getByTestId("archive-form-submit").click();
  await expect(page.getByTestId("archived-banner")).toHaveCount(0);

  // Deleting says what goes, with counts and the backup hint, and needs the exact name.
  const summary = page.getByTestId("delete-study-summary");
  await expect(summary).toContainText("1 idea with all their versions");
  await expect(summary).toContainText("the roles of 2 members");
  await expect(page.getByTestId("backup-hint")).toContainText("npm run db:backup");
  const del = page.getByTestId("delete-study-form");
  await del.getByTestId("field-confirmTitle").fill("not the name");
  await del.getByTestId("delete-study-form-submit").click();
  await expect(del.getByTestId("error-confirmTitle")).toContainText(`Type "${title}" to confirm.`);
  expect(countRows("studies", "id = ?", s.studyId)).toBe(1);
  await del.getByTestId("field-confirmTitle").fill(title);
  await del.getByTestId("delete-study-form-submit").click();
  await expect(page.getByTestId("study-deleted")).toContainText(title);
  for (const table of ["studies", "ideas", "memberships", "jobs"]) {
    const column = table === "studies" ? "id" : "study_id";
    expect([table, countRows(table, `${column} = ?`, s.studyId)]).toEqual([table, 0]);
  }
  expect(countRows("idea_versions", "idea_id = ?", s.ideaId)).toBe(0);
  await page.context().close();
});
