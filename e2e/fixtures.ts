import { test as base, expect, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";

// Created by first-run.spec.ts through the real /setup page.
export const ADMIN = { name: "Ada Admin", email: "admin@e2e.example.org", password: "admin-pass-e2e-1" };

type Fixtures = { adminPage: Page };

export const test = base.extend<Fixtures>({
  adminPage: async ({ page }, use) => {
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password);
    await expect(page.getByRole("heading", { name: `Hello, ${ADMIN.name}` })).toBeVisible();
    await use(page);
  },
});

export { expect };
