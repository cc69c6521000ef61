import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listMyAssignments } from "@/db/queries/reviews-reviewer";
import { resetTestDb } from "@/db/testing/db";
import { makeReviewStudy, publishAndStartReviewing } from "@/db/testing/review-fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { reviewDraftPath } from "@/lib/reviews/save-request";
import { startSession } from "@/server/auth/session-lifecycle";

// The review draft route (the editor's load and autosave) as the production server answers it (serveFastRoute in front of a stand-in for
// Next), over real HTTP with a real Auth.js session cookie; and the same requests through Next's route
// handler (app/api/.../draft/route.ts), which must answer alike.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));

const { serveFastRoute, FAST_ROUTE_BODY_LIMIT } = await import("@/server/http/fast-routes");
const routeHandlers = await import("./route");

let server: http.Server;
let base = "";
let nextCalls = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (serveFastRoute(req, res)) return;
    nextCalls += 1;
    res.writeHead(404).end("answered by Next");
  });
  await new Promise<void>((r) => server.listen(0, "localhost", r));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function cookieFor(user: SessionUser) {
  const token = startSession({ token: { iat: Math.floor(Date.now() / 1000) }, user: { id: user.id } });
  const value = await encode({ token, secret: getEnv().AUTH_SECRET ?? "", salt: "authjs.session-token" });
  return `authjs.session-token=${value}`;
}

function world() {
  const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 2 });
  publishAndStartReviewing(s, { min: 1, max: 1 });
  const [mine, theirs] = s.reviewers.map(
    (r) => listMyAssignments({ studyId: s.study.id, userId: r.id })[0]?.assignmentId ?? "",
  );
  return { s, reviewer: s.reviewers[0]!, mine: mine!, theirs: theirs! };
}

const draft = (n: number, extra: Record<string, unknown> = {}) => ({
  mode: "draft",
  answers: { scores: { novelty: n }, rationales: { novelty: `Draft ${n}.` } },
  version: 0,
  activeSeconds: 3,
  ...extra,
});

type Call = {
  path: string;
  body?: string;
  headers?: Record<string, string>;
  cookie?: string;
  method?: "GET" | "POST";
};

async function viaFast({ path, body, headers = {}, cookie, method = "POST" }: Call) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { origin: base, "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body,
  });
  return { status: res.status, json: await res.json(), cacheControl: res.headers.get("cache-control") };
}

async function viaNext({ path, body, headers = {}, method = "POST" }: Call, user: SessionUser | null) {
  session.user = user;
  const [, , , studyId, , assignmentId] = path.split("/");
  const host = new URL(base).host;
  const res = await routeHandlers[method](
    new Request(`${base}${path}`, {
      method,
      headers: { host, origin: base, "content-type": "application/json", ...headers },
      body,
    }),
    { params: Promise.resolve({ studyId: studyId ?? "", assignmentId: assignmentId ?? "" }) },
  );
  return { status: res.status, json: await res.json(), cacheControl: res.headers.get("cache-control") };
}

type Case = { name: string; call: Call; user: SessionUser | null; status: number };

/** Each case gets its expected status from the fast route, and the same answer from Next's handler. */
async function expectSameAnswers(cases: Case[]) {
  for (const c of cases) {
    const fast = await viaFast(c.call);
    const viaRoute = await viaNext(c.call, c.user);
    expect({ case: c.name, status: fast.status }).toEqual({ case: c.name, status: c.status });
    expect({ case: c.name, ...fast }).toEqual({ case: c.name, ...viaRoute });
  }
}

describe("the review draft fast routes", () => {
  beforeEach(() => {
    resetTestDb();
    nextCalls = 0;
  });

  it("saves a draft, and a retry under the same save key is the same write, not a conflict", async () => {
    const { s, reviewer, mine } = world();
    const cookie = await cookieFor(reviewer);
    const path = reviewDraftPath(s.study.id, mine);
    const saveId = crypto.randomUUID();
    const first = await viaFast({ path, cookie, body: JSON.stringify(draft(4, { saveId })) });
    expect(first).toMatchObject({ status: 200, json: { ok: true, data: { version: 1, status: "draft" } } });
    expect(first.cacheControl).toBe("no-store");
    const retry = await viaFast({ path, cookie, body: JSON.stringify(draft(4, { saveId })) });
    expect(retry).toMatchObject({ status: 200, json: { ok: true, data: { version: 1 } } });
    const stale = await viaFast({ path, cookie, body: JSON.stringify(draft(5)) });
    expect(stale.status).toBe(409);
    const activity = await viaFast({
      path,
      cookie,
      body: JSON.stringify(draft(5, { mode: "activity", version: 1 })),
    });
    expect(activity).toMatchObject({ status: 200, json: { ok: true, data: null } });
    expect(nextCalls).toBe(0);
  });

  it("loads the caller's own stored review for the editor, as Next's route handler does", async () => {
    const { s, reviewer, mine, theirs } = world();
    const cookie = await cookieFor(reviewer);
    const path = reviewDraftPath(s.study.id, mine);
    const load = (call: Omit<Call, "method">) => ({ ...call, method: "GET" as const });
    expect(await viaFast(load({ path, cookie }))).toEqual({
      status: 200,
      json: { ok: true, data: null },
      cacheControl: "no-store",
    });
    await viaFast({ path, cookie, body: JSON.stringify(draft(4)) });
    const stored = await viaFast(load({ path, cookie }));
    expect(stored.json).toEqual({
      ok: true,
      data: {
        status: "draft",
        version: 1,
        submittedAt: null,
        answers: expect.objectContaining({
          scores: expect.objectContaining({ novelty: 4, overall: null }),
          rationales: expect.objectContaining({ novelty: "Draft 4.", overall: "" }),
        }),
      },
    });
    const cases: Case[] = [
      { name: "own", call: load({ path, cookie }), user: reviewer, status: 200 },
      { name: "signed out", call: load({ path }), user: null, status: 401 },
      {
        name: "another reviewer's assignment",
        call: load({ path: reviewDraftPath(s.study.id, theirs), cookie }),
        user: reviewer,
        status: 404,
      },
      {
        name: "the organizer, who is no reviewer here",
        call: load({ path, cookie: await cookieFor(s.organizer) }),
        user: s.organizer,
        status: 403,
      },
    ];
    await expectSameAnswers(cases);
    expect(nextCalls).toBe(0);
  });

  it("refuses what the guard refuses, with the same status and message as Next's route handler", async () => {
    const { s, reviewer, mine, theirs } = world();
    const cookie = await cookieFor(reviewer);
    const body = JSON.stringify(draft(4));
    const cases: Case[] = [
      {
        name: "signed out",
        call: { path: reviewDraftPath(s.study.id, mine), body },
        user: null,
        status: 401,
      },
      {
        name: "another reviewer's assignment",
        call: { path: reviewDraftPath(s.study.id, theirs), body, cookie },
        user: reviewer,
        status: 404,
      },
      {
        name: "not an assignment id",
        call: { path: reviewDraftPath(s.study.id, "nope"), body, cookie },
        user: reviewer,
        status: 404,
      },
      {
        name: "another site's page",
        call: {
          path: reviewDraftPath(s.study.id, mine),
          body,
          cookie,
          headers: { origin: "https://evil.example" },
        },
        user: reviewer,
        status: 403,
      },
      {
        name: "the organizer, who is no reviewer here",
        call: { path: reviewDraftPath(s.study.id, mine), body, cookie: await cookieFor(s.organizer) },
        user: s.organizer,
        status: 403,
      },
      {
        name: "a body that is not JSON",
        call: { path: reviewDraftPath(s.study.id, mine), body: "{", cookie },
        user: reviewer,
        status: 400,
      },
      {
        name: "a version that is not a number",
        call: {
          path: reviewDraftPath(s.study.id, mine),
          body: JSON.stringify(draft(4, { version: "x" })),
          cookie,
        },
        user: reviewer,
        status: 400,
      },
    ];
    await expectSameAnswers(cases);
    expect(nextCalls).toBe(0);
  });

  it("refuses a body over the limit with a message, and leaves every other request to Next", async () => {
    const { s, reviewer, mine } = world();
    const cookie = await cookieFor(reviewer);
    const path = reviewDraftPath(s.study.id, mine);
    const huge = JSON.stringify(draft(4, { pad: "x".repeat(FAST_ROUTE_BODY_LIMIT) }));
    const tooLarge = await viaFast({ path, cookie, body: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.message).toMatch(/larger than 2 MB/);
    // Sent in chunks, without a Content-Length: refused once the limit is passed.
    const chunked = await new Promise<{ status?: number; text: string }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/json" },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode, text }));
      });
      req.on("error", reject);
      for (let i = 0; i < 3; i++) req.write("x".repeat(FAST_ROUTE_BODY_LIMIT / 2));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toMatch(/larger than 2 MB/);

    for (const other of [
      fetch(`${base}${path}`, { method: "PUT", headers: { cookie }, body: "{}" }),
      fetch(`${base}${path}/extra`, { method: "POST", headers: { cookie }, body: "{}" }),
      fetch(`${base}/studies/${s.study.id}/review/${mine}`, {
        method: "POST",
        headers: { cookie },
        body: "{}",
      }),
    ]) {
      expect(await (await other).text()).toBe("answered by Next");
    }
    expect(nextCalls).toBe(3);
  });
});
