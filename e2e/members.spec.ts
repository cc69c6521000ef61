import { countRows } from "./db";
import { expect, test } from "./fixtures";
import { InvitationPages } from "./pages/invite-page";

const JUDGE = { name: "Jude Judge", email: "jude@e2e.example.org", password: "jude-pass-e2e-1" };

test("an organizer removes a member (whose session then ends) and revokes an unused link", async ({
  adminPage: page,
  browser,
}) => {
  await page.getByTestId("field-title").fill("Arena pilot");
  await page.getByTestId("create-study-form-submit").click();
  await expect(page.getByRole("heading", { name: "Arena pilot" })).toBeVisible();
  const studyPath = new URL(page.url()).pathname;
  await page.getByTestId("members-link").click();

  const invites = new InvitationPages(page);
  const judgeLink = await invites.createLink({ roles: ["judge"] });
  await page.reload();
  const spareLink = await invites.createLink({ roles: ["writer"] });

  const judge = await browser.newPage();
  await new InvitationPages(judge).createAccount(judgeLink, JUDGE);
  await expect(judge).toHaveURL(new RegExp(`${studyPath}$`));

  await page.reload();
  const row = page.getByTestId("member-table").getByRole("row").filter({ hasText: JUDGE.email });
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("member-table")).not.toContainText(JUDGE.email);
  expect(countRows("memberships", "user_id = (SELECT id FROM users WHERE email = ?)", JUDGE.email)).toBe(0);
  // That was the judge's last role anywhere, so their session ended with it: back to sign-in.
  await judge.goto(studyPath);
  await expect(judge).toHaveURL(/\/signin/);

  const pending = page.getByTestId("invitation-table").getByRole("row").filter({ hasText: "writer" });
  page.once("dialog", (d) => d.accept());
  await pending.getByRole("button", { name: "Revoke" }).click();
  await expect(pending).toContainText("revoked");
  await judge.goto(spareLink);
  await expect(judge.getByTestId("invite-invalid")).toContainText("withdrawn");
  await judge.close();
});
