import { describe, expect, it } from "vitest";
import { tinyPdf } from "@/lib/literature/tiny-pdf";
import { extractPdfText, MAX_PDF_BYTES } from "./pdf-text";

describe("extractPdfText", () => {
  it("extracts the text of every page", async () => {
    const bytes = tinyPdf([
      ["Parsing with transformers", "We parse sentences with attention."],
      ["Results: 95.1 F1 on the treebank."],
    ]);
    const r = await extractPdfText({ bytes, fileName: "paper.pdf" });
    expect(r.pages).toBe(2);
    expect(r.text).toContain("Parsing with transformers");
    expect(r.text).toContain("95.1 F1 on the treebank");
  });

  it("names the file and the problem for empty, oversized, non-PDF and text-less files", async () => {
    await expect(extractPdfText({ bytes: new Uint8Array(), fileName: "a.pdf" })).rejects.toThrow(
      "a.pdf is empty.",
    );
    await expect(
      extractPdfText({ bytes: new Uint8Array(MAX_PDF_BYTES + 1), fileName: "big.pdf" }),
    ).rejects.toThrow("big.pdf is 20.0 MB; the limit is 20.0 MB.");
    await expect(
      extractPdfText({ bytes: new TextEncoder().encode("hello world"), fileName: "notes.txt" }),
    ).rejects.toThrow("notes.txt is not a PDF");
    await expect(extractPdfText({ bytes: tinyPdf([[]]), fileName: "scan.pdf" })).rejects.toThrow(
      "scan.pdf has no text layer",
    );
    const broken = tinyPdf([["Some text here for the test"]]).slice(0, 120);
    await expect(extractPdfText({ bytes: broken, fileName: "cut.pdf" })).rejects.toThrow("cut.pdf");
  });
});
