import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { makeUser } from "@/db/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));

const { POST } = await import("./route");

function post(headers: Record<string, string>) {
  const jobId = crypto.randomUUID();
  const req = new Request(`http://app.example/api/jobs/${jobId}`, {
    method: "POST",
    headers: { host: "app.example", ...headers },
    body: JSON.stringify({ action: "cancel" }),
  });
  return POST(req, { params: Promise.resolve({ jobId }) });
}

describe("POST /api/jobs/:id", () => {
  beforeEach(() => {
    resetTestDb();
    session.user = makeUser({ isAdmin: true });
  });

  it("refuses a cross-origin text/plain body before touching the job", async () => {
    const res = await post({ origin: "https://evil.example", "content-type": "text/plain" });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/other sites are refused/);
  });

  it("handles a same-origin request (here: the job does not exist)", async () => {
    const res = await post({ origin: "http://app.example", "content-type": "application/json" });
    expect(res.status).toBe(404);
  });
});
