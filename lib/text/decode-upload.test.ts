import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode-upload";

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16le(s: string, bom: boolean) {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = 0xff;
    out[o++] = 0xfe;
  }
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out[o++] = c & 0xff;
    out[o++] = c >> 8;
  }
  return out;
}

describe("decodeUpload", () => {
  it("reads UTF-8, with or without a BOM, accents intact", () => {
    expect(decodeUpload(utf8("title\nCafé naïve\n"), "a.csv")).toEqual({
      ok: true,
      text: "title\nCafé naïve\n",
    });
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("x,y\n")]), "a.csv")).toEqual({
      ok: true,
      text: "x,y\n",
    });
  });

  it("names UTF-16 (with a BOM or without) and how to convert it", () => {
    for (const bom of [true, false]) {
      const r = decodeUpload(utf16le("title,topic\nCafé,Graphs\n", bom), "ideas.csv");
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain("UTF-16LE");
        expect(r.message).toContain("iconv -f UTF-16LE -t UTF-8");
      }
    }
  });

  it("names Latin-1 with the line of the first bad byte instead of storing mojibake", () => {
    const latin1 = new Uint8Array([...utf8("title\nplain\n"), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const r = decodeUpload(latin1, "ideas.csv");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("byte 0xE9 on line 3") });
    expect(!r.ok && r.message).toContain("WINDOWS-1252");
  });

  it("refuses text already holding replacement characters, naming the line", () => {
    const r = decodeUpload(utf8("title\nok\nbroken \uFFFD text\n"), "x.jsonl");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("line 3") });
  });
});
