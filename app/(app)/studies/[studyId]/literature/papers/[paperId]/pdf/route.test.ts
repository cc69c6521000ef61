import { beforeEach, describe, expect, it, vi } from "vitest";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { getPaperText } from "@/db/queries/literature/readings";
import { addStudyRoles } from "@/db/queries/studies";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { paper } from "@/lib/literature/test-papers";
import { tinyPdf } from "@/lib/literature/tiny-pdf";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));

const { POST } = await import("./route");

function upload(studyId: string, paperId: string, file: Blob, name = "paper.pdf") {
  const body = new FormData();
  body.set("pdf", file, name);
  const req = new Request(`http://app.example/studies/${studyId}/literature/papers/${paperId}/pdf`, {
    method: "POST",
    headers: { host: "app.example", origin: "http://app.example" },
    body,
  });
  return POST(req, { params: Promise.resolve({ studyId, paperId }) });
}

function seed() {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const other = makeStudy({ organizer, title: "Other" });
  const paperId = upsertCorpus({
    corpus: { papers: [paper({ importId: "p", title: "Parsing" })], edges: [], unresolved: [] },
    studyId: study.id,
  }).ids[0] as string;
  return { organizer, study, other, paperId };
}

const pdf = () => new Blob([tinyPdf([["Parsing with transformers.", "We parse sentences."]])]);

describe("POST …/papers/:paperId/pdf", () => {
  beforeEach(() => {
    resetTestDb();
  });

  it("stores the PDF's text for an organizer", async () => {
    const { organizer, study, paperId } = seed();
    session.user = organizer;
    const res = await upload(study.id, paperId, pdf());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { fileName: "paper.pdf", pages: 1 } });
    expect(getPaperText({ paperId })?.text).toContain("Parsing with transformers.");
  });

  it("refuses a writer, another study's paper and a file that is not a PDF, storing nothing", async () => {
    const { organizer, study, other, paperId } = seed();
    const writer = makeUser();
    addStudyRoles({ studyId: study.id, userId: writer.id, roles: ["writer"] });
    session.user = writer;
    expect((await upload(study.id, paperId, pdf())).status).toBe(403);
    session.user = organizer;
    const foreign = await upload(other.id, paperId, pdf());
    expect(foreign.status).toBe(404);
    const text = await upload(study.id, paperId, new Blob(["hello"]), "notes.txt");
    expect(text.status).toBe(400);
    expect((await text.json()).message).toBe("notes.txt is not a PDF (it does not start with %PDF-).");
    expect(getPaperText({ paperId })).toBeNull();
  });
});
