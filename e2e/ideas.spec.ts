import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { countRows, queryOne } from "./db";
import { expect, test } from "./fixtures";
import { InvitationPages } from "./pages/invite-page";

// The writing flow of one study: setup → writer with consent, autosave and a two-tab conflict →
// organizer import (a bad CSV, then 20 AI ideas) → balance → normalization with the mock model → review.
test.describe.configure({ mode: "serial" });

const WRITER = { name: "Wendy Writer", email: "wendy@e2e.example.org", password: "wendy-pass-e2e-1" };
const FIXTURES = path.join(__dirname, "fixtures");
let studyPath = "";
let writerLink = "";

async function studyId() {
  return studyPath.split("/").pop()!;
}

test("organizer sets up topics, consent and attestation, invites a writer, opens writing", async ({
  adminPage: page,
}) => {
  await page.getByTestId("field-title").fill("Writing flow study");
  await page.getByTestId("create-study-form-submit").click();
  await expect(page.getByRole("heading", { name: "Writing flow study" })).toBeVisible();
  studyPath = new URL(page.url()).pathname;

  await page.goto(`${studyPath}/settings`);
  for (const [i, name] of ["NLP", "Robotics"].entries()) {
    await page.getByTestId("topics-add").click();
    await page.getByTestId(`topics-${i}-name`).fill(name);
  }
  await page.getByTestId("topics-save").click();
  await expect(page.getByTestId("topics-saved")).toBeVisible();
  expect(countRows("topics", "study_id = ?", await studyId())).toBe(2);
  expect(countRows("conditions", "study_id = ? AND is_baseline = 1 AND key = 'Human'", await studyId())).toBe(
    1,
  );

  const details = page.getByTestId("details-form");
  await details
    .getByTestId("field-consentText")
    .fill("Your ideas are used for research. You may withdraw at any time.");
  await details.getByTestId("field-attestationText").fill("I did not use AI tools to write this idea.");
  await details.getByTestId("details-form-submit").click();
  await expect(details.getByTestId("form-success")).toBeVisible();

  await page.getByTestId("phase-writing-submit").click();
  await expect(page.getByTestId("current-phase")).toHaveText("writing");
  expect(countRows("study_events", "study_id = ? AND kind = 'phase_changed'", await studyId())).toBe(1);

  await page.goto(`${studyPath}/members`);
  writerLink = await new InvitationPages(page).createLink({ roles: ["writer"] });
});

async function typeField(page: Page, key: string, text: string) {
  await page.getByTestId(`field-${key}`).fill(text);
}

test("writer accepts consent, writes with autosave, and a second tab's edit shows a conflict", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new InvitationPages(page).createAccount(writerLink, WRITER);
  await expect(page).toHaveURL(new RegExp(`${studyPath}$`));
  await page.goto(`${studyPath}/ideas`);
  await expect(page.getByTestId("consent-text")).toContainText("used for research");
  await page.getByTestId("consent-form-submit").click();
  // Consent returns to the page that asked for it.
  await expect(page.getByTestId("consent")).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`${studyPath}/ideas$`));
  await page.getByTestId("topic-NLP").check();
  await page.getByTestId("new-idea-form-submit").click();
  await expect(page.getByTestId("idea-status")).toHaveText("draft");

  await typeField(page, "title", "Verifier-guided decoding for factual QA");
  await typeField(page, "problem", "Models state false facts confidently.");
  await expect(page.getByTestId("save-state")).toContainText("Saved", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("field-title")).toHaveValue("Verifier-guided decoding for factual QA");
  await expect(page.getByTestId("field-problem")).toHaveValue("Models state false facts confidently.");

  // A second tab edits and saves first; the first tab's next save must not overwrite it.
  const second = await context.newPage();
  await second.goto(page.url());
  await second.getByTestId("field-motivation").fill("Text from the second tab.");
  await second.getByTestId("save-now").click();
  await expect(second.getByTestId("save-state")).toContainText("Saved");
  await typeField(page, "motivation", "Text from the first tab.");
  await page.getByTestId("save-now").click();
  await expect(page.getByTestId("conflict")).toContainText("changed in another tab");
  await expect(page.getByTestId("field-motivation")).toHaveValue("Text from the first tab.");
  const stored = queryOne<{ fields: string }>("SELECT fields FROM ideas WHERE study_id = ?", await studyId());
  expect(JSON.parse(stored!.fields).motivation).toBe("Text from the second tab.");

  await page.getByTestId("conflict-keep-mine").click();
  await expect(page.getByTestId("save-state")).toContainText("Saved");
  for (const key of ["method", "experiment_plan", "test_cases", "fallback"])
    await typeField(page, key, `The ${key} in a few words.`);
  await page.getByTestId("submit-idea").click();
  await expect(page.getByTestId("editor-message")).toContainText("tick the statement");
  await page.getByTestId("attest").check();
  await page.getByTestId("submit-idea").click();
  await expect(page.getByTestId("idea-status")).toHaveText("submitted");
  const row = queryOne<{ status: string; fields: string; attested_at: number | null }>(
    "SELECT status, fields, attested_at FROM ideas WHERE study_id = ?",
    await studyId(),
  );
  expect(row?.status).toBe("submitted");
  expect(row?.attested_at).not.toBeNull();
  expect(JSON.parse(row!.fields).motivation).toBe("Text from the first tab.");
  await context.close();
});

test("a bad CSV is rejected with line numbers and imports nothing; 20 AI ideas import once", async ({
  adminPage: page,
}) => {
  const before = countRows("ideas", "study_id = ?", await studyId());
  await page.goto(`${studyPath}/manage/ideas`);
  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "bad-ideas.csv"));
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("line 3");
  await expect(errors).toContainText("Vision");
  await expect(errors).toContainText("line 4");
  await expect(errors).toContainText("line 5");
  await expect(page.getByTestId("import-commit")).toHaveCount(0);
  expect(countRows("ideas", "study_id = ?", await studyId())).toBe(before);

  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "ai-ideas.jsonl"));
  await expect(page.getByTestId("import-row-count")).toHaveText("20");
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-success")).toContainText("Imported 20 ideas");
  expect(countRows("ideas", "study_id = ? AND provenance = 'imported'", await studyId())).toBe(20);
  await expect(page.getByTestId("balance-NLP-AI")).toContainText("10");
  await expect(page.getByTestId("balance-Robotics-AI")).toContainText("10");
  await expect(page.getByTestId("balance-NLP-Human")).toContainText("1");

  // The same file again: every external_id is already there, so nothing new is imported.
  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "ai-ideas.jsonl"));
  await expect(page.getByTestId("import-row-count")).toHaveText("0");
  await expect(page.getByTestId("import-duplicates")).toContainText("agent-run-1-01");
  expect(countRows("ideas", "study_id = ?", await studyId())).toBe(before + 20);

  const csv = await page.request.get(`/api/studies/${await studyId()}/ideas/export?format=csv`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  // The code the app shows is the first column, the UUID the second.
  expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^code,id,external_id,/);
  expect(text).toContain("Verifier-guided decoding for factual QA");
  expect(text).toContain("agent-run-1-20");
});

test("an 8 MB upload previews, an oversized one and a Latin-1 one are refused with what to do", async ({
  adminPage: page,
}) => {
  const before = countRows("ideas", "study_id = ?", await studyId());
  await page.goto(`${studyPath}/manage/ideas`);
  // Quotes and backslashes double when a file travels as a JSON string: this one no longer fits 10 MB so.
  const first = JSON.parse(fs.readFileSync(path.join(FIXTURES, "ai-ideas.jsonl"), "utf8").split("\n")[0]!);
  const pad = 'A "quoted" C:\\path\\to\\"it". '.repeat(40);
  const lines: string[] = [];
  for (let i = 0, bytes = 0; bytes < 8 * 1024 * 1024; i++) {
    lines.push(JSON.stringify({ ...first, external_id: `big-${i}`, problem: `${first.problem} ${pad}` }));
    bytes += Buffer.byteLength(lines[i]!) + 1;
  }
  await page.getByTestId("import-file").setInputFiles({
    name: "big.jsonl",
    mimeType: "application/json",
    buffer: Buffer.from(`${lines.join("\n")}\n`),
  });
  await expect(page.getByTestId("import-row-count")).toHaveText(String(lines.length), { timeout: 30_000 });

  await page.getByTestId("import-file").setInputFiles({
    name: "huge.jsonl",
    mimeType: "application/json",
    buffer: Buffer.alloc(11 * 1024 * 1024, "x"),
  });
  await expect(page.getByTestId("import-error")).toContainText("larger than 10 MB; split it");

  const latin1 = Buffer.from("topic,condition,title\nNLP,AI,Caf\xe9 ideas\n", "latin1");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: latin1 });
  await expect(page.getByTestId("import-error")).toContainText("looks like Latin-1");
  await expect(page.getByTestId("import-error")).toContainText("line 2");
  expect(countRows("ideas", "study_id = ?", await studyId())).toBe(before);
});

test("normalization with the mock model, then review a diff and accept", async ({ adminPage: page }) => {
  await page.goto(`${studyPath}/settings`);
  await page.getByTestId("phase-normalization-submit").click();
  await expect(page.getByTestId("current-phase")).toHaveText("normalization");

  await page.goto(`${studyPath}/manage/normalization`);
  await page.getByTestId("start-normalization-submit").click();
  await expect(page.getByTestId("form-success").getByTestId("job-status")).toHaveText("completed", {
    timeout: 60_000,
  });
  expect(countRows("ideas", "study_id = ? AND normalization_state = 'done'", await studyId())).toBe(21);

  const code = queryOne<{ code: string }>(
    "SELECT code FROM ideas WHERE study_id = ? AND provenance = 'written'",
    await studyId(),
  )!.code;
  await page.reload();
  await page.getByTestId(`review-${code}`).click();
  await expect(page.getByTestId("original-title")).toHaveText("Verifier-guided decoding for factual QA");
  await expect(page.getByTestId("diff-title")).toContainText("Verifier-guided decoding");
  await page.getByTestId("accept-rewrite-submit").click();
  await expect(page.getByTestId("accept-rewrite").getByTestId("form-success")).toContainText("accept");
  const decided = queryOne<{ review_text_source: string; normalization_review: string }>(
    "SELECT review_text_source, normalization_review FROM ideas WHERE code = ?",
    code,
  );
  expect(decided).toEqual({ review_text_source: "normalized", normalization_review: "accepted" });
});
