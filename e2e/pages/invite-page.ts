import { expect, type Page } from "@playwright/test";

export class InvitationPages {
  constructor(private readonly page: Page) {}

  /** Fills the invitation form on the current page and returns the link it shows. */
  async createLink({ roles, studyTitle }: { roles: string[]; studyTitle?: string }) {
    const form = this.page.getByTestId("invite-form");
    if (studyTitle) await form.getByTestId("field-studyId").selectOption({ label: studyTitle });
    for (const role of roles) await form.getByTestId(`role-${role}`).check();
    await form.getByTestId("invite-form-submit").click();
    const link = this.page.getByTestId("invite-link");
    await expect(link).toBeVisible();
    return link.inputValue();
  }

  async createAccount(
    link: string,
    { name, email, password }: { name: string; email: string; password: string },
  ) {
    await this.page.goto(link);
    await expect(this.page.getByTestId("invite-card")).toBeVisible();
    await this.page.getByTestId("field-name").fill(name);
    await this.page.getByTestId("field-email").fill(email);
    await this.page.getByTestId("field-password").fill(password);
    await this.page.getByTestId("accept-invite-form-submit").click();
  }
}
