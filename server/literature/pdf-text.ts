import "server-only";
import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "@/lib/errors";

// Full text of an uploaded PDF (unpdf: pdf.js without a server). Limits keep one upload from
// filling the database: the file size, the pages read and the characters kept.

export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_PAGES = 200;
export const MAX_PDF_TEXT_CHARS = 400_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function extractPdfText({
  bytes,
  fileName,
}: {
  bytes: Uint8Array;
  fileName: string;
}): Promise<{ text: string; pages: number }> {
  const err = (message: string) => new AppError("invalid:pdf", message, { fieldErrors: { pdf: [message] } });
  if (bytes.byteLength === 0) throw err(`${fileName} is empty.`);
  if (bytes.byteLength > MAX_PDF_BYTES)
    throw err(`${fileName} is ${mb(bytes.byteLength)}; the limit is ${mb(MAX_PDF_BYTES)}.`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 5));
  if (magic !== "%PDF-") throw err(`${fileName} is not a PDF (it does not start with %PDF-).`);
  let pages: number;
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = pdf.numPages;
    if (pages > MAX_PDF_PAGES) throw err(`${fileName} has ${pages} pages; the limit is ${MAX_PDF_PAGES}.`);
    const r = await extractText(pdf, { mergePages: true });
    text = r.text;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw err(`${fileName} could not be read as a PDF: ${e instanceof Error ? e.message : String(e)}`);
  }
  const clean = text
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (clean.length < 20)
    throw err(`${fileName} has no text layer (a scanned PDF?); upload a PDF with selectable text.`);
  return { text: clean.slice(0, MAX_PDF_TEXT_CHARS), pages };
}
