// One entry point for every import file (CLI and upload page alike): gunzip if needed, then parse by format.
import { gunzipSync } from "fflate";
import { AppError } from "../errors";
import { detectCorpusFormat, parseBibliography } from "./bibliography";
import { parseJsonlCorpus } from "./jsonl";
import type { ParsedCorpus } from "./types";

export const CORPUS_FILE_HINT = "Use .jsonl (or .jsonl.gz), .bib or .ris.";

export function parseCorpusFile({ name, bytes }: { name: string; bytes: Uint8Array }): ParsedCorpus {
  const format = detectCorpusFormat(name);
  if (!format) throw new AppError("invalid:corpus", `Unknown file type "${name}". ${CORPUS_FILE_HINT}`);
  let data = bytes;
  if (name.toLowerCase().endsWith(".gz")) {
    try {
      data = gunzipSync(bytes);
    } catch {
      throw new AppError("invalid:corpus", `"${name}" is not a valid gzip file.`);
    }
  }
  const text = new TextDecoder("utf-8").decode(data);
  return format === "jsonl" ? parseJsonlCorpus(text) : parseBibliography(text, format);
}
