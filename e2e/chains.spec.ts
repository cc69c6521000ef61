import path from "node:path";
import { tinyPdf } from "../lib/literature/tiny-pdf";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { seedReviewStudy } from "./seed";

// Chains end to end on the mock model: an organizer imports a small citation graph, builds a chain
// for a topic, watches it finish, and sees the timeline with backward, anchor and forward papers,
// each with its reason and reading; uploads a paper's PDF and reads its full text; removing a paper
// rebuilds without it. A reviewer of the study
// cannot open the chain pages.

const CORPUS = path.join(__dirname, "fixtures", "chain-corpus.jsonl");
const TOPIC = "message passing networks for molecule property prediction";

test("organizer builds a chain and sees its timeline; a reviewer is refused", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({ title: `Chain study ${Date.now()}` });
  await page.goto(`/studies/${s.studyId}/literature`);
  await page.getByTestId("import-file").setInputFiles(CORPUS);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toContainText("Imported 8 papers");

  await page.getByTestId("chains-link").click();
  await expect(page.getByTestId("no-chains")).toBeVisible();
  // Bad input is named by field and starts nothing.
  await page.getByTestId("field-topic").fill("");
  await page.getByTestId("field-k").fill("9");
  await page.getByTestId("build-chain-submit").click();
  await expect(page.getByTestId("error-k")).toContainText("Chains must be at most 5.");
  await page.getByTestId("field-k").fill("1");
  await page.getByTestId("build-chain-submit").click();
  await expect(page.getByTestId("error-topic")).toContainText("enter a topic");
  await page.getByTestId("field-topic").fill(TOPIC);
  await page.getByTestId("build-chain-submit").click();

  await expect(page.getByTestId("chain-topic")).toHaveText(TOPIC);
  await expect(page.getByTestId("chain-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const nodes = page.getByTestId("chain-0").getByTestId("chain-node");
  await expect(nodes).toHaveCount(5);
  await expect(nodes.getByTestId("node-title")).toHaveText([
    "Kernel methods for molecule similarity",
    "Graph kernels for molecule property prediction",
    "Message passing networks for molecule property prediction",
    "Attention message passing for molecule property prediction",
    "Pretraining molecule encoders",
  ]);
  const directions = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute("data-direction")));
  expect(directions).toEqual(["backward", "backward", "anchor", "forward", "forward"]);
  // Direction in words (not colour alone), and why each paper was chosen.
  await expect(nodes.nth(0).getByTestId("node-direction")).toContainText("Backward");
  await expect(nodes.nth(2).getByTestId("node-direction")).toContainText("Anchor");
  await expect(nodes.nth(4).getByTestId("node-direction")).toContainText("Forward");
  await expect(nodes.nth(0).getByTestId("node-reason")).toContainText("picked by the model");
  await expect(nodes.nth(2).getByTestId("node-reason")).toContainText("topic relevance");
  await expect(nodes.nth(3).getByTestId("node-reason")).toContainText("cites the previous paper");
  await expect(page.getByTestId("timeline-axis")).toHaveAttribute(
    "aria-label",
    /Year axis from 1997 to 2022/,
  );
  // Each paper was read during the build (mock model, from its abstract).
  await nodes.nth(2).getByText("Summary").click();
  await expect(nodes.nth(2).getByTestId("node-reading")).toContainText("Read from the abstract");
  await expect(nodes.nth(2).getByTestId("node-reading")).toContainText(
    "Message passing over molecular graphs",
  );
  await page
    .getByTestId("build-log")
    .getByText(/Build log/)
    .click();
  await expect(page.getByTestId("build-log")).toContainText("accepted");

  const firstUrl = page.url();

  // The anchor's paper page: upload its PDF (a bad file is named), then read the full text.
  await nodes.nth(2).getByTestId("node-title").click();
  await expect(page.getByTestId("paper-title")).toHaveText(
    "Message passing networks for molecule property prediction",
  );
  await expect(page.getByTestId("paper-reading")).toContainText("Read from the abstract");
  await page.getByTestId("pdf-file").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("not a pdf at all"),
  });
  await page.getByTestId("pdf-submit").click();
  await expect(page.getByTestId("pdf-error")).toContainText("notes.txt is not a PDF");
  await page.getByTestId("pdf-file").setInputFiles({
    name: "mpnn.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      tinyPdf([["Neural message passing for quantum chemistry.", "We predict properties of molecules."]]),
    ),
  });
  await page.getByTestId("pdf-submit").click();
  await expect(page.getByTestId("pdf-done")).toContainText("Read mpnn.pdf: 1 pages");
  await expect(page.getByTestId("paper-text-status")).toContainText("Full text from mpnn.pdf");
  await page.getByTestId("read-paper-submit").click();
  await expect(page.getByTestId("paper-reading")).toContainText("Read from the uploaded full text");
  await expect(page.getByTestId("paper-reading")).toContainText(
    "Neural message passing for quantum chemistry.",
  );

  // Remove a paper: the chain is rebuilt without it.
  await page.goto(firstUrl);
  await nodes.nth(3).getByTestId("node-remove-submit").click();
  await page.waitForURL((url) => url.href !== firstUrl);
  await expect(page.getByTestId("chain-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByTestId("edited-papers")).toContainText(
    "Removed: Attention message passing for molecule property prediction",
  );
  await expect(page.getByTestId("chain-0")).not.toContainText("Attention message passing");
  await expect(page.getByTestId("chain-0").getByTestId("chain-node").first()).toBeVisible();

  // A reviewer of the study cannot open the chains, nor build one.
  const [reviewer] = s.reviewers;
  const context = await browser.newContext();
  const other = await context.newPage();
  await new SignInPage(other).signIn(reviewer!.email, reviewer!.password);
  await other.waitForURL((url) => !url.pathname.startsWith("/signin"));
  expect((await other.goto(`/studies/${s.studyId}/literature/chains`))?.status()).toBe(403);
  expect((await other.goto(firstUrl))?.status()).toBe(403);
  await context.close();
});
