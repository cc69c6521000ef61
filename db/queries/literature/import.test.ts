import { gzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { AppError } from "@/lib/errors";
import { importCorpusFile } from "./import";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  db = resetTestDb();
});

const enc = (s: string) => new TextEncoder().encode(s);
const papers = () => (db.$client.prepare("SELECT count(*) AS n FROM papers").get() as { n: number }).n;
const line = (o: object) => JSON.stringify(o);
const good = [
  line({ id: "a", title: "Alpha", year: 2000, references: [] }),
  line({ id: "b", title: "Beta", year: 2001, references: ["a"] }),
].join("\n");

describe("importCorpusFile", () => {
  it("imports JSONL (also gzipped) and a second import of the same file changes nothing", () => {
    expect(importCorpusFile({ name: "c.jsonl", bytes: enc(good), studyId: null })).toMatchObject({
      papers: 2,
      inserted: 2,
      edgesAdded: 1,
    });
    expect(importCorpusFile({ name: "c.jsonl.gz", bytes: gzipSync(enc(good)), studyId: null })).toMatchObject(
      { inserted: 0, unchanged: 2, edgesAdded: 0 },
    );
    expect(papers()).toBe(2);
  });

  it.each([
    ["a bad third line", "c.jsonl", `${good}\n{"id":"c"}`, "Line 3: title"],
    [
      "a dangling reference",
      "c.jsonl",
      `${good}\n${line({ id: "c", title: "C", references: ["zz"] })}`,
      'Line 3: references[0] "zz"',
    ],
    ["a BibTeX syntax error", "c.bib", "@article{x, title = {T", "could not be read"],
    ["an unknown file type", "c.txt", good, 'Unknown file type "c.txt"'],
    ["a broken gzip", "c.jsonl.gz", good, "not a valid gzip file"],
  ])("rejects %s with a message naming it, and writes nothing", (_n, name, text, message) => {
    let error: unknown;
    try {
      importCorpusFile({ name, bytes: enc(text), studyId: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(message);
    expect(papers()).toBe(0);
  });
});
