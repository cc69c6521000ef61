import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { require as tsxRequire } from "tsx/cjs/api";
import { parseCsv } from "../lib/csv/parse";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET } from "./seed";
import { seedResultsStudy, seedSubmittedReview } from "./seed-reviews";

// The results page of a seeded study: the three significance tables, the four plots, summary lines and
// warnings; downloads that equal `npm run stats` on the downloaded reviews.csv byte for byte; and
// publishing, after which (and only after which) other members can open the results.

// The CLI module ends with an `import.meta.url` entry-point check, which Playwright's CommonJS
// transform cannot load; tsx loads the very same module in this process (as `npm run stats` does).
const { runStatsCli } = tsxRequire("../scripts/stats.ts", __filename) as typeof import("../scripts/stats");

const [HUMAN, AGENT] = SECRET.conditions.map((c) => c.key) as [string, string];
const OUTPUTS = [
  "significance.csv",
  "significance.tex",
  "significance.md",
  "descriptives.csv",
  "agreement.csv",
  "topics.csv",
  "mixed-model.R",
];
const CONTENT_TYPE = (name: string) =>
  name.endsWith(".csv")
    ? "text/csv; charset=utf-8"
    : name.endsWith(".md")
      ? "text/markdown; charset=utf-8"
      : "text/plain; charset=utf-8";
const CHARTS = ["chart-mean-ci", "chart-distribution", "chart-reviewer-diff", "chart-topic-means"];
type Params = { baseline: string; correction: string; family: string };

/** Runs the CLI in this process on a downloaded reviews.csv; returns its output files by name. */
function runCli(reviewsCsv: Buffer, params: Params): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "results-e2e-"));
  try {
    writeFileSync(join(dir, "reviews.csv"), reviewsCsv);
    // Paths relative to the temp dir, so mixed-model.R names "reviews.csv" just as the app's does.
    const result = runStatsCli(
      [
        ...["--in", "reviews.csv", "--baseline", params.baseline],
        ...["--correction", params.correction, "--family", params.family, "--out", "out"],
      ],
      {
        readFile: (path) => readFileSync(join(dir, path), "utf8"),
        writeFile: (path, text) => writeFileSync(join(dir, path), text),
        mkdir: (path) => mkdirSync(join(dir, path), { recursive: true }),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    return new Map(OUTPUTS.map((name) => [name, readFileSync(join(dir, "out", name))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Null when the files are equal byte for byte, else the first line that differs in each. */
function firstDifference(app: Buffer, cli: Buffer): { line: number; app: string; cli: string } | null {
  if (app.equals(cli)) return null;
  const a = app.toString("utf8").split("\n");
  const c = cli.toString("utf8").split("\n");
  const line = a.findIndex((text, i) => text !== c[i]);
  const at = line === -1 ? a.length : line;
  return { line: at + 1, app: a[at] ?? "(end of file)", cli: c[at] ?? "(end of file)" };
}

async function download(page: Page, studyId: string, query: string): Promise<APIResponse> {
  const res = await page.request.get(`/api/studies/${studyId}/results/download?${query}`);
  expect(res.status(), query).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  return res;
}

/** Downloads reviews.csv and every output for these parameters; checks each against the CLI. */
async function expectCliIdentical(page: Page, studyId: string, params: Params) {
  const query = new URLSearchParams(params).toString();
  const reviews = await download(page, studyId, `file=reviews.csv&${query}`);
  expect(reviews.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(reviews.headers()["content-disposition"]).toBe('attachment; filename="reviews.csv"');
  const reviewsCsv = await reviews.body();
  expect(reviewsCsv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  const cli = runCli(reviewsCsv, params);
  for (const name of OUTPUTS) {
    const res = await download(page, studyId, `file=${name}&${query}`);
    expect(res.headers()["content-type"]).toBe(CONTENT_TYPE(name));
    const body = await res.body();
    expect(firstDifference(body, cli.get(name) as Buffer), `${name} with ${query}: app vs CLI`).toBeNull();
  }
  return { reviewsCsv, cli };
}

/** A row of significance.csv as an object. */
function significanceRow(csv: Buffer, unit: string, metric: string): Record<string, string> {
  const parsed = parseCsv(csv.toString("utf8"));
  const row = parsed.rows
    .map((r) => Object.fromEntries(parsed.header.map((h, i) => [h, r.values[i] ?? ""])))
    .find((r) => r.unit === unit && r.metric === metric);
  if (!row) throw new Error(`no ${unit}/${metric} row`);
  return row;
}

test("results: three tables, four plots, CLI-identical downloads, published to members only after publishing", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedResultsStudy({ title: `Results study ${Date.now()}` });
  const [member, , , , latecomer] = s.reviewers as [
    (typeof s.reviewers)[0],
    unknown,
    unknown,
    unknown,
    (typeof s.reviewers)[0],
  ];
  const results = `/studies/${s.studyId}/results`;
  // Publishing asks first (study-safety.spec.ts checks what it says).
  page.on("dialog", (d) => void d.accept());

  // Before publishing, another member gets 404 for the page and 403/404 for the files.
  const memberContext = await browser.newContext();
  const other = await memberContext.newPage();
  await new SignInPage(other).signIn(member.email, member.password);
  await other.waitForURL((url) => !url.pathname.startsWith("/signin"));
  const before = await other.goto(results);
  expect(before?.status()).toBe(404);
  await other.goto(`/studies/${s.studyId}`);
  await expect(other.getByTestId("study-nav")).not.toContainText("Results");
  const live = await other.request.get(`/api/studies/${s.studyId}/results/download?file=significance.csv`);
  expect(live.status()).toBe(403);

  // The organizer's live analysis: defaults are the study's baseline, Bonferroni, per comparison.
  await page.goto(results);
  for (const unit of ["review", "idea", "reviewer"]) {
    await expect(page.getByTestId(`summary-${unit}`).getByTestId("summary-row")).toHaveCount(5);
    // The full table (every CSV column) is one click away.
    await page.getByTestId(`full-${unit}`).locator("summary").click();
    const table = page.getByTestId(`significance-${unit}`);
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(5);
    await expect(table.locator("tbody tr", { hasText: "novelty" })).toContainText(AGENT);
  }
  for (const chart of CHARTS) await expect(page.getByTestId(chart).locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("chart-mean-ci-table")).toContainText("novelty");
  await expect(page.getByTestId("results-warnings")).toContainText("small n: unit=reviewer");
  await expect(page.getByTestId("descriptives-table")).toContainText("effectiveness");
  await expect(page.getByTestId("agreement-table")).toContainText("novelty");
  await expect(page.getByTestId("significance-topics")).toContainText("Retrieval");

  // The downloads equal the CLI's output on the downloaded review table, byte for byte.
  const defaults = { baseline: HUMAN, correction: "bonferroni", family: "comparison" };
  const { reviewsCsv, cli } = await expectCliIdentical(page, s.studyId, defaults);
  expect(reviewsCsv.toString("utf8").split("\r\n")).toHaveLength(s.reviewCount + 2);
  await expect(page.getByTestId("download-significance")).toHaveAttribute(
    "href",
    `/api/studies/${s.studyId}/results/download?file=significance.csv&${new URLSearchParams(defaults)}`,
  );

  // The summary line and the hover values come from the same numbers as the CLI's file.
  const novelty = significanceRow(cli.get("significance.csv") as Buffer, "review", "novelty");
  const p = Number(novelty.p_adjusted);
  const pText = p < 0.001 ? "p_adj < 0.001" : `p_adj = ${p.toFixed(3)}`;
  await expect(
    page.getByTestId("result-summary").filter({
      hasText: `${AGENT} ideas scored higher on novelty than ${HUMAN} ideas: ${Number(novelty.mean_condition).toFixed(2)} vs ${Number(novelty.mean_baseline).toFixed(2)}, ${pText}, reviews as units`,
    }),
  ).toHaveCount(1);
  await expect(page.getByTestId("result-summary").filter({ hasText: "reviewers as units" })).not.toHaveCount(
    0,
  );
  const summaryRow = page.getByTestId("summary-review").locator('[data-metric="novelty"]');
  await expect(summaryRow.getByTestId("summary-stars")).toHaveText(novelty.stars as string);
  await expect(summaryRow.getByTestId("summary-p")).toHaveText(p < 0.001 ? "< 0.001" : p.toFixed(3));
  await expect(page.getByTestId("result-reading")).toContainText(`${AGENT} ideas were rated`);
  const noveltyRow = page.getByTestId("significance-review").locator("tbody tr", { hasText: "novelty" });
  await expect(noveltyRow.locator(`td[title="${novelty.t}"]`)).toHaveCount(1);
  await expect(noveltyRow.getByTestId("stars")).toHaveText(novelty.stars as string);

  // Other parameters through the form: Holm over all tests of the unit.
  await page.getByTestId("param-correction").selectOption("holm");
  await page.getByTestId("param-family").selectOption("unit");
  await page.getByTestId("results-params-submit").click();
  await page.waitForURL(/correction=holm/);
  await expect(page.getByTestId("significance-review").locator("tbody tr").first()).toContainText("holm");
  const holm = { baseline: HUMAN, correction: "holm", family: "unit" };
  const holmFiles = await expectCliIdentical(page, s.studyId, holm);

  // Publish: the snapshot is listed and other members can now open it.
  await page.getByTestId("publish-results-submit").click();
  await expect(page.getByTestId("form-success")).toContainText(`Published from ${s.reviewCount} reviews`);
  await expect(page.getByTestId("snapshot-list").getByTestId("snapshot-row")).toHaveCount(1);
  await expect(page.getByTestId("snapshot-list")).toContainText("Holm");

  const after = await other.goto(results);
  expect(after?.status()).toBe(200);
  await expect(other.getByTestId("snapshot-info")).toContainText(`from ${s.reviewCount} reviews`);
  await expect(other.getByTestId("snapshot-stale")).toHaveCount(0);
  for (const unit of ["review", "idea", "reviewer"])
    await expect(other.getByTestId(`significance-${unit}`).locator("tbody tr")).toHaveCount(5);
  for (const chart of CHARTS) await expect(other.getByTestId(chart).locator("svg").first()).toBeVisible();
  await expect(other.getByTestId("result-reading")).toBeVisible();
  await expect(other.getByTestId("summary-review").getByTestId("summary-row")).toHaveCount(5);
  await expect(other.getByTestId("publish-results")).toHaveCount(0);
  await expect(other.getByTestId("results-params")).toHaveCount(0);
  const href = await other.getByTestId("download-significance").getAttribute("href");
  expect(href).toMatch(/file=significance\.csv&snapshot=[0-9a-f-]{36}$/);
  const published = await other.request.get(href as string);
  expect(published.status()).toBe(200);
  expect(firstDifference(await published.body(), holmFiles.cli.get("significance.csv") as Buffer)).toBeNull();
  // Only the published files: the live analysis stays with the organizers.
  const stillLive = await other.request.get(`/api/studies/${s.studyId}/results/download?file=reviews.csv`);
  expect(stillLive.status()).toBe(403);

  // Another review makes the snapshot stale: everyone is told, organizers can republish.
  seedSubmittedReview({
    studyId: s.studyId,
    ideaId: s.ideas[0]?.id as string,
    reviewerId: latecomer.id,
    score: 5,
  });
  await other.reload();
  await expect(other.getByTestId("snapshot-stale")).toContainText(`now has ${s.reviewCount + 1} submitted`);
  await expect(other.getByTestId("republish-results")).toHaveCount(0);
  const snapshotId = new URL(href as string, "http://x").searchParams.get("snapshot");
  await page.goto(`${results}?snapshot=${snapshotId}`);
  await expect(page.getByTestId("snapshot-stale")).toBeVisible();
  await page.getByTestId("republish-results-submit").click();
  await expect(page.getByTestId("form-success")).toContainText(`Published from ${s.reviewCount + 1} reviews`);
  await expect(page.getByTestId("snapshot-list").getByTestId("snapshot-row")).toHaveCount(2);

  await other.reload();
  await expect(other.getByTestId("snapshot-info")).toContainText(`from ${s.reviewCount + 1} reviews`);
  await expect(other.getByTestId("snapshot-info")).toContainText("This is the latest publication.");
  await expect(other.getByTestId("snapshot-stale")).toHaveCount(0);
  await memberContext.close();
});
