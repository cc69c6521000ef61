import path from "node:path";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { seedReviewStudy } from "./seed";

// The literature page end to end: import a small corpus with a progress bar, search it, open a paper
// with its references and citations, set a cut-off and watch later papers vanish, compute embeddings
// and see search turn hybrid; reviewers never get in.

const CORPUS = path.join(__dirname, "fixtures", "literature-corpus.jsonl");

test("organizer imports, searches, opens a paper and sets a cut-off; a reviewer is refused", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({ title: `Literature study ${Date.now()}` });
  await page.goto(`/studies/${s.studyId}`);
  await page.getByTestId("study-nav").getByRole("link", { name: "Literature" }).click();
  await expect(page.getByTestId("empty-corpus")).toContainText("Import a JSONL");
  await expect(page.getByTestId("search-mode")).toContainText("BM25 only");

  // A bad file is refused by line, and nothing is written.
  await page.getByTestId("import-file").setInputFiles({
    name: "bad.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from('{"id":"a","title":"Fine"}\n{"id":"b"}\n'),
  });
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText("Line 2: title is required");
  await expect(page.getByTestId("corpus-counts")).toContainText("0 papers visible");

  await page.getByTestId("import-file").setInputFiles(CORPUS);
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toContainText("Imported 4 papers: 4 new");
  await expect(page.getByTestId("corpus-counts")).toContainText("4 papers visible");

  await page.getByTestId("search-q").fill("machine translation");
  await page.getByTestId("search-submit").click();
  const rows = page.getByTestId("search-results").getByTestId("paper-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("Machine translation with large language models");
  await expect(rows.first()).toContainText("2023-05-01");

  await page.getByRole("link", { name: "Neural machine translation by jointly learning to align" }).click();
  await expect(page.getByTestId("paper-title")).toHaveText(
    "Neural machine translation by jointly learning to align",
  );
  await expect(page.getByTestId("paper-abstract")).toContainText("soft attention");
  await expect(page.getByTestId("references")).toContainText("Phrase-based statistical translation");
  await expect(page.getByTestId("citing")).toContainText("Machine translation with large language models");
  const alignUrl = page.url();
  await page.getByTestId("citing").getByRole("link").click();
  await expect(page.getByTestId("paper-title")).toHaveText("Machine translation with large language models");
  const lateUrl = page.url();
  expect(lateUrl).not.toBe(alignUrl);

  // The cut-off: the 2023 paper disappears from search, from neighbours and from its own URL.
  await page.goto(`/studies/${s.studyId}/literature`);
  await page.getByTestId("field-cutoff").fill("2020-01-01");
  await page.getByTestId("cutoff-form-submit").click();
  await expect(page.getByTestId("form-success")).toContainText("nothing after 2020-01-01");
  await page.goto(`/studies/${s.studyId}/literature?q=machine+translation`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("search-results")).not.toContainText("large language models");
  await page.goto(alignUrl);
  await expect(page.getByText("No citing papers in the store.")).toBeVisible();
  expect((await page.goto(lateUrl))?.status()).toBe(404);

  // Embeddings on the mock provider: a job with a progress bar, then search is hybrid and the
  // cut-off still holds on the vector side.
  await page.goto(`/studies/${s.studyId}/literature?q=machine+translation`);
  await page.getByTestId("start-embeddings-submit").click();
  await expect(page.getByTestId("job-status").first()).toHaveText("completed");
  await page.reload();
  await expect(page.getByTestId("search-mode")).toHaveText(
    "Hybrid search (BM25 + embeddings from mock-embedding).",
  );
  await expect(rows.first()).toContainText("machine translation");
  await expect(page.getByTestId("search-results")).not.toContainText("large language models");

  // Reviewers never see the literature: no tab, and the pages and the import refuse them.
  const [reviewer] = s.reviewers;
  const context = await browser.newContext();
  const other = await context.newPage();
  await new SignInPage(other).signIn(reviewer!.email, reviewer!.password);
  await other.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await other.goto(`/studies/${s.studyId}`);
  await expect(other.getByTestId("study-nav").getByRole("link", { name: "Literature" })).toHaveCount(0);
  expect((await other.goto(`/studies/${s.studyId}/literature?q=translation`))?.status()).toBe(403);
  expect((await other.goto(alignUrl))?.status()).toBe(403);
  const upload = await other.request.post(`/studies/${s.studyId}/literature/api/import?name=x.jsonl`, {
    data: '{"id":"x","title":"Injected"}',
  });
  expect(upload.status()).toBe(403);
  await context.close();
});
