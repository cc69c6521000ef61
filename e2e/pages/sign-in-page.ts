import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByTestId("field-email").fill(email);
    await this.page.getByTestId("field-password").fill(password);
    await this.page.getByTestId("signin-form-submit").click();
  }

  async signOut() {
    await this.page.getByTestId("sign-out").click();
    await this.page.waitForURL(/\/signin/);
  }
}
