import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { seedReviewStudy } from "./seed";

// Error messages name fields as the form labels them, never by internal keys ("0.name"), and show
// every problem at once; the idea editor shows the idea's topic and drops a field's error as soon as
// the field is fixed.

test("study settings name the topic and field of every problem at once", async ({ adminPage: page }) => {
  const s = seedReviewStudy({
    title: `Form errors ${Date.now()}`,
    status: "writing",
    ideasPerCell: 1,
    reviewerCount: 0,
  });
  await page.goto(`/studies/${s.studyId}/settings`);
  const topics = page.getByTestId("topics");
  await topics.getByTestId("topics-add").click();
  await topics.getByTestId("topics-add").click();
  await topics.getByTestId("topics-3-name").fill("reasoning");
  await topics.getByTestId("topics-save").click();
  const failed = topics.getByTestId("topics-failed");
  await expect(failed).toContainText("Topic 3: enter a topic name.");
  await expect(failed).toContainText('Topic 4: duplicate topic name "reasoning" (also topic 1).');
  await expect(failed).not.toContainText(/\d\.name/);
  await expect(topics.getByTestId("topics-error-2")).toHaveText("Name: Enter a topic name.");
  await expect(topics.getByTestId("topics-error-3")).toContainText("Name: Duplicate topic name");
});

test("the idea editor shows the topic, lists every problem and clears an error once fixed", async ({
  browser,
}) => {
  const s = seedReviewStudy({
    title: `Editor errors ${Date.now()}`,
    status: "writing",
    ideasPerCell: 1,
    reviewerCount: 0,
  });
  const idea = s.ideas.find((i) => i.condition === "HumanQx")!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(s.author.email, s.author.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto(`/studies/${s.studyId}/ideas/${idea.id}`);
  await expect(page.getByTestId("idea-topic")).toHaveText(idea.topic);

  await page.getByTestId("field-problem").fill("");
  await page.getByTestId("field-motivation").fill("");
  await page.getByTestId("submit-idea").click();
  await expect(page.getByTestId("editor-message")).toContainText("Problem statement is required.");
  await expect(page.getByTestId("editor-message")).toContainText("Motivation is required.");
  await expect(page.getByTestId("error-problem")).toBeVisible();
  await expect(page.getByTestId("error-motivation")).toBeVisible();
  await page.getByTestId("field-problem").fill("Answers drift from their sources.");
  await expect(page.getByTestId("error-problem")).toHaveCount(0);
  await expect(page.getByTestId("error-motivation")).toBeVisible();
  await context.close();
});
