import { countRows } from "./db";
import { expect, test } from "./fixtures";
import { InvitationPages } from "./pages/invite-page";
import { SignInPage } from "./pages/sign-in-page";

const PERSON = { name: "Paul Password", email: "paul@e2e.example.org", password: "paul-first-pass-1" };
const NEW_PASSWORD = "paul-second-pass-2";

test("changing the password keeps this session, ends the others, and retires the old password", async ({
  adminPage: admin,
  browser,
}) => {
  await admin.goto("/admin/invitations");
  const link = await new InvitationPages(admin).createLink({ roles: ["organizer"] });

  const first = await browser.newPage();
  await new InvitationPages(first).createAccount(link, PERSON);
  await expect(first.getByRole("heading", { name: `Hello, ${PERSON.name}` })).toBeVisible();
  expect(countRows("users", "email = ? AND can_create_studies = 1", PERSON.email)).toBe(1);

  const second = await browser.newPage();
  await new SignInPage(second).signIn(PERSON.email, PERSON.password);
  await expect(second.getByRole("heading", { name: `Hello, ${PERSON.name}` })).toBeVisible();

  await first.goto("/account");
  await first.getByTestId("field-currentPassword").fill("not-my-password");
  await first.getByTestId("field-newPassword").fill(NEW_PASSWORD);
  await first.getByTestId("field-confirmPassword").fill(NEW_PASSWORD);
  await first.getByTestId("change-password-form-submit").click();
  await expect(first.getByTestId("error-currentPassword")).toContainText("not correct");

  await first.getByTestId("field-currentPassword").fill(PERSON.password);
  await first.getByTestId("change-password-form-submit").click();
  await expect(first.getByTestId("password-changed")).toBeVisible();
  await first.goto("/");
  await expect(first.getByRole("heading", { name: `Hello, ${PERSON.name}` })).toBeVisible();

  // The other browser's session was issued before the change: it is sent back to sign in.
  await second.goto("/");
  await expect(second).toHaveURL(/\/signin/);
  await new SignInPage(second).signIn(PERSON.email, PERSON.password);
  await expect(second.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await new SignInPage(second).signIn(PERSON.email, NEW_PASSWORD);
  await expect(second.getByRole("heading", { name: `Hello, ${PERSON.name}` })).toBeVisible();
  await first.close();
  await second.close();
});
