import { type ChildProcess, spawn } from "node:child_process";
import { reviewDraftPath } from "../lib/reviews/save-request";
import { serveArgs } from "../scripts/lib/serve-command";
import { E2E_BASE_URL, E2E_DATABASE_PATH, E2E_PORT } from "./constants";
import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { seedReviewStudy } from "./seed";
import { seedOpenAssignment } from "./seed-open-work";

// The server dies after committing a save but before its answer reaches the browser (as with kill -9
// mid-request). When it is back, the editor's next save must go through instead of being refused as
// a conflict with the reviewer's own, unacknowledged write. A second server on the next port shares the
// e2e database, so killing it leaves the suite's server running.

const PORT = E2E_PORT + 1;
const BASE = `http://localhost:${PORT}`;

/** Kills the server with everything it started (tsx, node, Next). */
function killServer(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, serveArgs(), {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_PATH: E2E_DATABASE_PATH,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      LLM_PROVIDER: "mock",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    // Its own process group: tsx runs the server in a child process, and a SIGKILL to tsx alone
    // would leave that child serving (a "crash" that is not one, and a stale server on the port).
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 150_000;
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/signin`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || child.exitCode !== null)
        return reject(new Error("server B did not start"));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

test("a draft saved just before the server is killed is not a conflict when the editor saves again", async ({
  browser,
}) => {
  // Starting a second production server takes a while on a busy machine, twice.
  test.setTimeout(360_000);
  const s = seedReviewStudy({ title: `Crash study ${Date.now()}`, reviewerCount: 1 });
  const reviewer = s.reviewers[0]!;
  const assignmentId = seedOpenAssignment({
    studyId: s.studyId,
    ideaId: s.ideas[0]!.id,
    reviewerId: reviewer.id,
  });

  let server = await startServer();
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  try {
    // Signed in through the suite's server: localhost cookies do not depend on the port, and both
    // servers share the secret and the database, so the session works on server B too.
    await page.goto(`${E2E_BASE_URL}/signin`);
    await page.getByTestId("field-email").fill(reviewer.email);
    await page.getByTestId("field-password").fill(reviewer.password);
    await page.getByTestId("signin-form-submit").click();
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto(`/studies/${s.studyId}/review/${assignmentId}`);
    // Let the save reach the server and commit, then kill the server before the answer arrives.
    let killed = false;
    await page.route(`**${reviewDraftPath(s.studyId, assignmentId)}`, async (route) => {
      if (killed || route.request().method() !== "POST") return route.continue();
      await route.fetch();
      killed = true;
      killServer(server, "SIGKILL");
      await route.abort("connectionreset");
    });
    await page.getByTestId("rationale-novelty").fill("Written before the crash.");

    await page.getByTestId("save-draft").click();
    await expect.poll(() => killed).toBe(true);
    await expect(page.getByTestId("review-error")).toBeVisible();
    const stored = queryOne<{ version: number; answers: string }>(
      "SELECT version, answers FROM reviews WHERE assignment_id = ?",
      assignmentId,
    );
    expect(stored?.version).toBe(1);
    expect(JSON.parse(stored!.answers).rationales.novelty).toBe("Written before the crash.");

    server = await startServer();
    await page.getByTestId("rationale-novelty").fill("Written before the crash. And after it.");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("save-state")).toContainText(/saved/i, { timeout: 15_000 });
    const after = queryOne<{ version: number; answers: string }>(
      "SELECT version, answers FROM reviews WHERE assignment_id = ?",
      assignmentId,
    );
    expect(after?.version).toBe(2);
    expect(JSON.parse(after!.answers).rationales.novelty).toBe("Written before the crash. And after it.");
  } finally {
    await context.close();
    killServer(server, "SIGTERM");
  }
});
