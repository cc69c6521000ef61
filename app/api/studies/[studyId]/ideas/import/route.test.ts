import fs from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { advancePhase } from "@/db/queries/study-setup";
import { replaceTopics } from "@/db/queries/study-topics-conditions";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("./route");

function upload(studyId: string, mode: string, file: Blob, name: string) {
  const form = new FormData();
  form.set("file", file, name);
  const req = new Request(`http://app.example/api/studies/${studyId}/ideas/import?mode=${mode}`, {
    method: "POST",
    headers: { origin: "http://app.example", host: "app.example" },
    body: form,
  });
  return POST(req, { params: Promise.resolve({ studyId }) });
}

describe("POST /api/studies/:id/ideas/import", () => {
  let studyId = "";
  beforeEach(() => {
    resetTestDb();
    const organizer = makeUser();
    session.user = organizer;
    const study = makeStudy({ organizer });
    studyId = study.id;
    replaceTopics({ studyId, actorId: organizer.id, items: [{ name: "NLP" }, { name: "Robotics" }] });
    advancePhase({ studyId, actorId: organizer.id, to: "writing" });
  });

  it("previews an 8 MB JSONL whose quotes and backslashes would pass 10 MB as a JSON string", async () => {
    const first = JSON.parse(fs.readFileSync("e2e/fixtures/ai-ideas.jsonl", "utf8").split("\n")[0]!);
    const pad = 'A "quoted" C:\\path\\to\\"it". '.repeat(40);
    const lines: string[] = [];
    for (let i = 0, bytes = 0; bytes < 8 * 1024 * 1024; i++) {
      lines.push(JSON.stringify({ ...first, external_id: `big-${i}`, problem: `${first.problem} ${pad}` }));
      bytes += Buffer.byteLength(lines[i]!) + 1;
    }
    const text = `${lines.join("\n")}\n`;
    expect(JSON.stringify(text).length).toBeGreaterThan(10 * 1024 * 1024);
    const res = await upload(studyId, "preview", new Blob([text]), "big.jsonl");
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({ ok: true, rowCount: lines.length, errors: [] });
  });

  it("refuses a file over 10 MB with 413 and what to do", async () => {
    const res = await upload(studyId, "preview", new Blob([new Uint8Array(11 * 1024 * 1024)]), "huge.jsonl");
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe(
      "The idea file is larger than 10 MB; split it into smaller files and import each one.",
    );
  });
});
