import { countRows } from "./db";
import { expect, test } from "./fixtures";

// The e2e server runs with LLM_PROVIDER=mock: deterministic replies, no network.

test("LLM status: configuration, test connection, call totals", async ({ adminPage: page }) => {
  await page.goto("/admin/llm");
  await expect(page.getByTestId("llm-provider")).toContainText("mock");
  const before = countRows("llm_calls", "purpose = 'test-connection'");
  await page.getByTestId("test-connection-submit").click();
  await expect(page.getByTestId("connection-ok")).toContainText("Connected to mock");
  expect(countRows("llm_calls", "purpose = 'test-connection' AND error IS NULL")).toBe(before + 1);
  await page.reload();
  await expect(page.getByTestId("llm-totals")).toContainText("test-connection");
});

test("a bad price is refused with the field named; a good one is listed", async ({ adminPage: page }) => {
  await page.goto("/admin/llm");
  await page.getByTestId("field-model").fill("llama3.1:8b");
  await page.getByTestId("field-inputPerMTokUsd").fill("-1");
  await page.getByTestId("field-outputPerMTokUsd").fill("0.2");
  await page.getByTestId("price-form-submit").click();
  await expect(page.getByTestId("error-inputPerMTokUsd")).toContainText("cannot be negative");
  expect(countRows("model_prices")).toBe(0);
  await page.getByTestId("field-inputPerMTokUsd").fill("0.1");
  await page.getByTestId("price-form-submit").click();
  await expect(page.getByTestId("price-table")).toContainText("llama3.1:8b");
  expect(countRows("model_prices", "model = 'llama3.1:8b'")).toBe(1);
});

test("the admin test job runs every prompt through the runner and logs each call", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/jobs");
  await page
    .getByTestId("field-prompts")
    .fill("Name one open problem in retrieval.\nSay hello.\nMOCK_FAIL_400 refuse this one");
  await page.getByTestId("test-job-form-submit").click();
  const success = page.getByTestId("form-success");
  await expect(success.getByTestId("job-status")).toHaveText(/completed/, { timeout: 30_000 });
  await expect(success.getByTestId("job-counts")).toContainText("2/3 done");
  await expect(success.getByTestId("job-counts")).toContainText("1 failed");
  await expect(success.getByTestId("job-items")).toContainText("MOCK:");
  expect(
    countRows("job_items", "status = 'done' AND job_id IN (SELECT id FROM jobs WHERE kind = 'test')"),
  ).toBe(2);
  expect(countRows("llm_calls", "purpose = 'test-job'")).toBe(3);
});
