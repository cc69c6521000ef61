import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readUploadedText } from "./read-upload";

const MB = 1024 * 1024;

function multipart(file: Blob, name = "ideas.jsonl") {
  const form = new FormData();
  form.set("file", file, name);
  return new Request("http://app.example/upload", { method: "POST", body: form });
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, status: e.status, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("readUploadedText", () => {
  it("reads a UTF-8 file sent as multipart", async () => {
    const req = multipart(new Blob(['{"title":"Café"}\n']));
    expect(await readUploadedText(req, { maxBytes: MB, label: "idea file" })).toEqual({
      fileName: "ideas.jsonl",
      text: '{"title":"Café"}\n',
    });
  });

  it("refuses a declared size over the limit without reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const req = new Request("http://app.example/upload", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(11 * MB) },
      duplex: "half",
    } as RequestInit);
    expect(await refusal(readUploadedText(req, { maxBytes: 10 * MB, label: "idea file" }))).toEqual({
      code: "too_large:upload",
      status: 413,
      message: "The idea file is larger than 10 MB; split it into smaller files and import each one.",
    });
    expect(pulled).toBe(false);
  });

  it("stops reading a body without a length once it passes the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(256 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 50 * MB) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request("http://app.example/upload", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    expect((await refusal(readUploadedText(req, { maxBytes: MB, label: "review file" }))).code).toBe(
      "too_large:upload",
    );
    expect(sent).toBeLessThan(3 * MB);
  });

  it("names a file that is not UTF-8 and how to convert it", async () => {
    const req = multipart(new Blob([new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x0a])]), "old.csv");
    const r = await refusal(readUploadedText(req, { maxBytes: MB, label: "review file" }));
    expect(r.code).toBe("invalid:encoding");
    expect(r.message).toMatch(/old\.csv is not UTF-8: byte 0xE9 on line 2 .*Latin-1.*iconv/);
  });

  it("asks for a file when the body is not a multipart upload", async () => {
    const req = new Request("http://app.example/upload", { method: "POST", body: "{}" });
    expect((await refusal(readUploadedText(req, { maxBytes: MB, label: "idea file" }))).message).toMatch(
      /as a file upload/,
    );
  });
});
