import { expect, test } from "@playwright/test";
import { countRows } from "./db";
import { ADMIN } from "./fixtures";
import { InvitationPages } from "./pages/invite-page";
import { SignInPage } from "./pages/sign-in-page";

// One story on an empty instance: setup → admin invites an organizer → organizer creates a study and
// invites a reviewer → the reviewer is kept out of organizer pages → sign-out.
test.describe.configure({ mode: "serial" });

const ORGANIZER = { name: "Olga Organizer", email: "olga@e2e.example.org", password: "olga-pass-e2e-1" };
const REVIEWER = { name: "Rita Reviewer", email: "rita@e2e.example.org", password: "rita-pass-e2e-1" };
let organizerLink = "";
let reviewerLink = "";
let studyUrl = "";

test("first run: / leads to /setup, which creates the admin and then closes", async ({ page }) => {
  expect(countRows("users")).toBe(0);
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByTestId("field-name").fill(ADMIN.name);
  await page.getByTestId("field-email").fill(ADMIN.email);
  await page.getByTestId("field-password").fill(ADMIN.password);
  await page.getByTestId("field-confirmPassword").fill(ADMIN.password);
  await page.getByTestId("setup-form-submit").click();
  await expect(page.getByRole("heading", { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  expect(countRows("users", "email = ? AND is_admin = 1", ADMIN.email)).toBe(1);

  await page.goto("/setup");
  await expect(page.getByTestId("setup-closed")).toBeVisible();
});

test("the admin invites an organizer; the link creates the account", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.signIn(ADMIN.email, ADMIN.password);
  await page.getByTestId("menu-admin").locator("summary").click();
  await page.getByRole("link", { name: "Invitations" }).click();
  organizerLink = await new InvitationPages(page).createLink({ roles: ["organizer"] });
  expect(organizerLink).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]{40,}$/);
  await expect(page.getByTestId("invitation-table")).toContainText("pending");
  await signIn.signOut();

  await new InvitationPages(page).createAccount(organizerLink, ORGANIZER);
  await expect(page.getByRole("heading", { name: `Hello, ${ORGANIZER.name}` })).toBeVisible();
  await expect(page.getByTestId("create-study-form")).toBeVisible();
});

test("the organizer creates a study and invites a reviewer", async ({ page }) => {
  await new SignInPage(page).signIn(ORGANIZER.email, ORGANIZER.password);
  await expect(page.getByTestId("empty-studies")).toBeVisible();
  await page.getByTestId("field-title").fill("Human vs AI ideas on prompting");
  await page.getByTestId("field-description").fill("A pilot of the blind review flow.");
  await page.getByTestId("create-study-form-submit").click();
  await expect(page.getByRole("heading", { name: "Human vs AI ideas on prompting" })).toBeVisible();
  studyUrl = new URL(page.url()).pathname;
  expect(studyUrl).toMatch(/^\/studies\/[0-9a-f-]{36}$/);

  await page.getByTestId("members-link").click();
  await expect(page.getByTestId("member-table")).toContainText(ORGANIZER.email);
  reviewerLink = await new InvitationPages(page).createLink({ roles: ["reviewer"] });
  await new SignInPage(page).signOut();
});

test("the reviewer joins and cannot open organizer or admin pages", async ({ page, request }) => {
  await new InvitationPages(page).createAccount(reviewerLink, REVIEWER);
  await expect(page).toHaveURL(new RegExp(`${studyUrl}$`));
  await expect(page.getByTestId("next-steps")).toContainText("reviewer");
  await expect(page.getByTestId("members-link")).toHaveCount(0);

  const members = await page.goto(`${studyUrl}/members`);
  expect(members?.status()).toBe(403);
  await expect(page.getByTestId("page-403")).toBeVisible();

  const admin = await page.goto("/admin/users");
  expect(admin?.status()).toBe(403);
  await expect(page.getByTestId("page-403")).toBeVisible();

  const foreign = await page.goto(`/studies/${crypto.randomUUID()}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByTestId("page-404")).toBeVisible();

  // Route handlers check too, not just pages: the reviewer's cookies, a job id that is not theirs.
  const api = await page.request.get(`/api/jobs/${crypto.randomUUID()}`);
  expect(api.status()).toBe(404);
  const anonymous = await request.get(`/api/jobs/${crypto.randomUUID()}`);
  expect(anonymous.status()).toBe(401);

  // The used invitation cannot be used again.
  await page.goto(reviewerLink);
  await expect(page.getByTestId("invite-invalid")).toContainText("already been used");
});

test("sign-out ends the session", async ({ page }) => {
  await new SignInPage(page).signIn(REVIEWER.email, REVIEWER.password);
  await expect(page.getByRole("heading", { name: `Hello, ${REVIEWER.name}` })).toBeVisible();
  await new SignInPage(page).signOut();
  await page.goto(studyUrl);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const api = await page.request.get(`/api/jobs/${crypto.randomUUID()}`);
  expect(api.status()).toBe(401);
});

test("a session cookie copied before sign-out stops working after it", async ({ page, browser }) => {
  await new SignInPage(page).signIn(REVIEWER.email, REVIEWER.password);
  await expect(page.getByRole("heading", { name: `Hello, ${REVIEWER.name}` })).toBeVisible();
  const copied = await page.context().cookies();
  await new SignInPage(page).signOut();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.request.get(`/api/jobs/${crypto.randomUUID()}`);
  expect(stolen.status()).toBe(401);
  const other = await thief.newPage();
  await other.goto("/");
  await expect(other.getByRole("heading", { name: `Hello, ${REVIEWER.name}` })).toHaveCount(0);
  await thief.close();
});

test("a signed-in person following a crafted sign-in link stays on the site", async ({ page }) => {
  await new SignInPage(page).signIn(REVIEWER.email, REVIEWER.password);
  await expect(page.getByRole("heading", { name: `Hello, ${REVIEWER.name}` })).toBeVisible();
  const res = await page.request.get("/signin?callbackUrl=%2F%09%2Fevil.example%2Fphish", {
    maxRedirects: 0,
  });
  expect(res.status()).toBe(307);
  expect(new URL(res.headers().location!, "http://localhost").hostname).toBe("localhost");
  expect(res.headers().location).not.toContain("evil.example");
});
