import { countRows, queryOne } from "./db";
import { ADMIN, expect, test } from "./fixtures";
import { InvitationPages } from "./pages/invite-page";
import { SignInPage } from "./pages/sign-in-page";

// Each bad input gets its message next to the field, and nothing is written.

test.describe("bad input on an invitation link", () => {
  let link = "";

  test.beforeEach(async ({ adminPage: page }) => {
    await page.goto("/admin/invitations");
    link = await new InvitationPages(page).createLink({ roles: ["organizer"] });
    await new SignInPage(page).signOut();
  });

  const cases = [
    {
      name: "duplicate email",
      account: { name: "Copy Cat", email: ADMIN.email, password: "a-fine-pass-77" },
      field: "email",
      message: "An account with this email already exists",
    },
    {
      name: "weak password",
      account: { name: "Weak Will", email: "weak@e2e.example.org", password: "short" },
      field: "password",
      message: "Use at least 10 characters.",
    },
    {
      name: "common password",
      account: { name: "Common Carl", email: "common@e2e.example.org", password: "password123" },
      field: "password",
      message: "This password is too common",
    },
    {
      name: "oversize name",
      account: { name: "N".repeat(101), email: "long@e2e.example.org", password: "a-fine-pass-77" },
      field: "name",
      message: "Use at most 100 characters.",
    },
    {
      name: "invalid email",
      account: { name: "No At", email: "not-an-email", password: "a-fine-pass-77" },
      field: "email",
      message: "Enter a valid email address.",
    },
  ];

  for (const c of cases) {
    test(`${c.name}: message on the field, no account, invitation still unused`, async ({ page }) => {
      const usersBefore = countRows("users");
      await new InvitationPages(page).createAccount(link, c.account);
      await expect(page.getByTestId(`error-${c.field}`)).toContainText(c.message);
      await expect(page.getByTestId("form-error")).toBeVisible();
      // What the person typed is still there to correct.
      await expect(page.getByTestId("field-name")).toHaveValue(c.account.name);
      expect(countRows("users")).toBe(usersBefore);
      const token = link.split("/invite/")[1];
      expect(token?.length).toBeGreaterThan(40);
      expect(
        countRows(
          "invitations",
          "used_at IS NOT NULL AND created_at = (SELECT MAX(created_at) FROM invitations)",
        ),
      ).toBe(0);
    });
  }
});

test("an invalid invitation token says so and offers sign-in", async ({ page }) => {
  const before = countRows("invitations");
  await page.goto("/invite/this-token-was-never-issued-by-anyone-0000");
  await expect(page.getByTestId("invite-invalid")).toContainText("This invitation link is not valid");
  await page.goto("/invite/x");
  await expect(page.getByTestId("invite-invalid")).toContainText("not valid");
  expect(countRows("invitations")).toBe(before);
});

test("oversize and too-short study titles are refused with nothing written", async ({ adminPage: page }) => {
  const before = countRows("studies");
  for (const [title, message] of [
    ["T".repeat(201), "Use at most 200 characters."],
    ["ab", "Use at least 3 characters."],
  ] as const) {
    await page.getByTestId("field-title").fill(title);
    await page.getByTestId("create-study-form-submit").click();
    await expect(page.getByTestId("error-title")).toContainText(message);
  }
  expect(countRows("studies")).toBe(before);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await new SignInPage(page).signIn(ADMIN.email, "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await new SignInPage(page).signIn("nobody@e2e.example.org", "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  const throttle = queryOne<{ failures: number }>(
    "SELECT failures FROM auth_throttle WHERE key = ?",
    `account:${ADMIN.email}`,
  );
  expect(throttle?.failures).toBe(1);
  // A later correct sign-in clears the account's counter.
  await new SignInPage(page).signIn(ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  expect(countRows("auth_throttle", "key = ?", `account:${ADMIN.email}`)).toBe(0);
});

test("weak new password on the account page is refused", async ({ adminPage: page }) => {
  await page.goto("/account");
  await page.getByTestId("field-currentPassword").fill(ADMIN.password);
  await page.getByTestId("field-newPassword").fill("tiny");
  await page.getByTestId("field-confirmPassword").fill("tiny");
  await page.getByTestId("change-password-form-submit").click();
  await expect(page.getByTestId("error-newPassword")).toContainText("Use at least 10 characters.");
  // The old password still works.
  await new SignInPage(page).signOut();
  await new SignInPage(page).signIn(ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: `Hello, ${ADMIN.name}` })).toBeVisible();
});
