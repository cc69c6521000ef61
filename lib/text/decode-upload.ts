// Uploaded files are bytes; imports want UTF-8 text. A file in another encoding is refused with the
// encoding we found and how to convert it, instead of being decoded into mojibake or U+FFFD that
// would then be stored as if someone had typed it.

export type DecodedUpload = { ok: true; text: string } | { ok: false; message: string };

const HOW_TO_CONVERT =
  "Save it as UTF-8 (Excel: “CSV UTF-8”; LibreOffice and most editors: choose UTF-8 when saving), or convert it with";

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Looks like UTF-16 without a BOM: many NUL bytes, mostly on one parity (ASCII text in UTF-16). */
function utf16Guess(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  if (n < 4 || (even + odd) / n < 0.2) return null;
  return odd > even ? "UTF-16LE" : "UTF-16BE";
}

/** The first byte at which the input stops being valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** UTF-8 text (a BOM is dropped), or a message naming the encoding found, the line, and the fix. */
export function decodeUpload(bytes: Uint8Array, fileName: string): DecodedUpload {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "UTF-16LE"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "UTF-16BE"
        : utf16Guess(bytes);
  if (utf16) {
    return {
      ok: false,
      message: `${fileName} is encoded as ${utf16} (Excel's “Unicode text” does this); imports read UTF-8. ${HOW_TO_CONVERT} \`iconv -f ${utf16} -t UTF-8 "${fileName}" > fixed.csv\`.`,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      message: `${fileName} is not UTF-8: byte 0x${byte} on line ${lineOf(bytes, bad)} is not valid UTF-8; it looks like Latin-1 / Windows-1252 (what older Excel versions save). ${HOW_TO_CONVERT} \`iconv -f WINDOWS-1252 -t UTF-8 "${fileName}" > fixed.csv\`.`,
    };
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0) {
    const line = text.slice(0, replacement).split("\n").length;
    return {
      ok: false,
      message: `${fileName} contains the replacement character “\uFFFD” on line ${line}: text was already damaged by a wrong conversion before it was saved. Fix that text (or export it again from the original) and upload the file again.`,
    };
  }
  return { ok: true, text };
}
