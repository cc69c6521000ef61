import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listMyAssignments } from "@/db/queries/reviews-reviewer";
import { revokeSession } from "@/db/queries/sessions";
import { studies, users } from "@/db/schema";
import { getTestDb, resetTestDb } from "@/db/testing/db";
import { makeReviewStudy, publishAndStartReviewing } from "@/db/testing/review-fixtures";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { reviewDraftPath } from "@/lib/reviews/save-request";
import { startSession } from "@/server/auth/session-lifecycle";
import { withFastRoutes } from "./fast-routes";
import { clearPageCacheForTests } from "./page-cache";

// The production server's handler (fast routes, page cache, then "Next") over real HTTP with real
// Auth.js session cookies. A stand-in for Next renders the page from the database (the study's title
// and the user's name) and counts its renders, so a page answered from the cache is one it did not
// render; every answer is checked against what a render would show now.

let server: http.Server;
let base = "";
const renders: string[] = [];
let duringRender: (() => void) | null = null;

/** Next's stand-in: what it shows comes from the database, written in pieces, gzipped if asked. */
function standInNext(req: http.IncomingMessage, res: http.ServerResponse) {
  renders.push(req.url ?? "");
  const [, , studyId] = (req.url ?? "").split("/");
  const study = getTestDb()
    .select()
    .from(studies)
    .where(eq(studies.id, studyId ?? ""))
    .get();
  duringRender?.(); // after the read: the page shows what was there before
  if (!study || req.url?.endsWith("/missing")) {
    res.statusCode = 404;
    res.end("not found");
    return;
  }
  const names = getTestDb()
    .select({ name: users.name })
    .from(users)
    .all()
    .map((u) => u.name)
    .join(",");
  const page = `<main data-url="${req.url}">${study.title}|${names}|${req.headers.rsc ?? ""}</main>`;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  if (req.url?.endsWith("/with-cookie")) res.setHeader("set-cookie", "x=1");
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
    res.writeHead(200, { "content-encoding": "gzip", vary: "Accept-Encoding" });
    res.end(zlib.gzipSync(page));
    return;
  }
  res.write(page.slice(0, 10));
  res.end(page.slice(10));
}

beforeAll(async () => {
  server = http.createServer(withFastRoutes(standInNext));
  await new Promise<void>((r) => server.listen(0, "localhost", r));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  resetTestDb();
  clearPageCacheForTests();
  renders.length = 0;
  duringRender = null;
  vi.unstubAllEnvs();
  resetEnvForTests();
});

async function signedIn(userId: string) {
  const token = startSession({ token: { iat: Math.floor(Date.now() / 1000) }, user: { id: userId } });
  const value = await encode({ token, secret: getEnv().AUTH_SECRET ?? "", salt: "authjs.session-token" });
  return { cookie: `authjs.session-token=${value}`, sessionId: String(token.sid) };
}

function world() {
  const s = makeReviewStudy({ ideasPerCell: 1, reviewerCount: 2 });
  publishAndStartReviewing(s, { min: 1, max: 1 });
  const reviewer = s.reviewers[0]!;
  const assignmentId = listMyAssignments({ studyId: s.study.id, userId: reviewer.id })[0]!.assignmentId;
  return { s, reviewer, assignmentId, page: `/studies/${s.study.id}/review/${assignmentId}` };
}

/** GET as a browser's raw request (node:http does not decompress), body decompressed here. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            const gzipped = res.headers["content-encoding"] === "gzip";
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: (gzipped ? zlib.gunzipSync(raw) : raw).toString("utf8"),
            });
          });
        })
        .on("error", reject);
    },
  );
}

describe("the page cache", () => {
  it("answers a reload of the same page for the same user from the cache until the database changes", async () => {
    const { s, reviewer, assignmentId, page } = world();
    const { cookie } = await signedIn(reviewer.id);
    const first = await get(page, { cookie });
    expect(first.status).toBe(200);
    expect(first.text).toContain(`>${s.study.title}|`);
    const again = await get(page, { cookie });
    expect(renders).toEqual([page]);
    expect(again.text).toBe(first.text);
    expect(again.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(again.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect(again.headers["content-length"]).toBe(String(Buffer.byteLength(first.text)));

    // The reviewer's autosaves change nothing a page shows: still the cached page.
    for (const [n, version] of [
      [1, 0],
      [2, 1],
      [3, 2],
    ] as const) {
      const saved = await fetch(`${base}${reviewDraftPath(s.study.id, assignmentId)}`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({
          mode: "draft",
          answers: { scores: { novelty: n }, rationales: {} },
          version,
          activeSeconds: 1,
        }),
      });
      expect(saved.status).toBe(200);
    }
    // The first save created the review row (a change); the next two saved a draft over a draft.
    await get(page, { cookie });
    const afterDrafts = renders.length;
    await get(page, { cookie });
    expect(renders.length).toBe(afterDrafts);

    // Any other change, here the study's title, is rendered and shown at once.
    getTestDb().update(studies).set({ title: "Renamed study" }).where(eq(studies.id, s.study.id)).run();
    const renamed = await get(page, { cookie });
    expect(renamed.text).toContain(">Renamed study|");
    expect(renders.length).toBe(afterDrafts + 1);
  });

  it("keeps pages per user and per accepted encoding", async () => {
    const { s, reviewer, page } = world();
    const mine = await signedIn(reviewer.id);
    const theirs = await signedIn(s.reviewers[1]!.id);
    await get(page, { cookie: mine.cookie });
    await get(page, { cookie: theirs.cookie });
    expect(renders.length).toBe(2);
    const gzipped = await get(page, { cookie: mine.cookie, "accept-encoding": "gzip" });
    const gzippedAgain = await get(page, { cookie: mine.cookie, "accept-encoding": "gzip" });
    expect(renders.length).toBe(3);
    expect(gzippedAgain.headers["content-encoding"]).toBe("gzip");
    expect(gzippedAgain.headers.vary).toBe("Accept-Encoding");
    expect(gzippedAgain.text).toBe(gzipped.text);
    expect(gzipped.text).toBe((await get(page, { cookie: mine.cookie })).text);
  });

  it("needs a live session on every request: signed out and revoked sessions go to Next", async () => {
    const { reviewer, page } = world();
    const { cookie, sessionId } = await signedIn(reviewer.id);
    await get(page, { cookie });
    await get(page);
    await get(page, { cookie: "authjs.session-token=forged" });
    expect(renders.length).toBe(3);
    revokeSession({ sessionId, reason: "sign_out" });
    await get(page, { cookie });
    expect(renders.length).toBe(4);
  });

  it("leaves other requests to Next and keeps only complete, plain 200 pages", async () => {
    const { s, reviewer, page } = world();
    const { cookie } = await signedIn(reviewer.id);
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      const before = renders.length;
      await get(path, { cookie, ...headers });
      await get(path, { cookie, ...headers });
      return renders.length - before;
    };
    expect(await twice(page, { rsc: "1" })).toBe(2); // client navigation: Next's RSC payload
    expect(await twice(page, { "next-router-prefetch": "1" })).toBe(2);
    expect(await twice(`${page}?x=1`)).toBe(2);
    expect(await twice(`/studies/${s.study.id}/review`)).toBe(2); // not a cached page
    expect(await twice(`/studies/${s.study.id}/review/missing`)).toBe(2); // a 404 is not kept
    expect(await twice(`/studies/${s.study.id}/review/with-cookie`)).toBe(2); // nor one that sets a cookie
    expect(await twice(page, { cookie: `${cookie}; __prerender_bypass=1` })).toBe(2);
    expect(await twice(page)).toBe(1); // the plain page: rendered once, then kept
  });

  it("never sends again a page the database changed under while it was rendered", async () => {
    const { s, reviewer, page } = world();
    const { cookie } = await signedIn(reviewer.id);
    duringRender = () => {
      duringRender = null;
      getTestDb()
        .update(studies)
        .set({ title: "Changed mid-render" })
        .where(eq(studies.id, s.study.id))
        .run();
    };
    expect((await get(page, { cookie })).text).toContain(`>${s.study.title}|`);
    expect((await get(page, { cookie })).text).toContain(">Changed mid-render|");
    expect((await get(page, { cookie })).text).toContain(">Changed mid-render|");
    expect(renders.length).toBe(2);
  });

  it("renders every request with PAGE_CACHE=false", async () => {
    vi.stubEnv("PAGE_CACHE", "false");
    resetEnvForTests();
    const { reviewer, page } = world();
    const { cookie } = await signedIn(reviewer.id);
    await get(page, { cookie });
    await get(page, { cookie });
    expect(renders.length).toBe(2);
  });
});
