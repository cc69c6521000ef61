import "server-only";
import { AppError } from "@/lib/errors";
import { decodeUpload } from "@/lib/text/decode-upload";

// Reads one file from a multipart/form-data request with the size limit enforced before and while
// reading: a declared Content-Length over the limit is refused without reading a byte, and a body
// that turns out larger (chunked, or a lying header) is cut off at the limit. Then the bytes must be
// UTF-8 (lib/text/decode-upload.ts). Every refusal says what to do.

/** Room for the multipart boundaries and headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const SPLIT_HINT = "split it into smaller files and import each one";

function tooLarge(label: string, maxBytes: number, hint = SPLIT_HINT) {
  return new AppError("too_large:upload", `The ${label} is larger than ${megabytes(maxBytes)}; ${hint}.`);
}

async function readCapped(
  req: Request,
  cap: number,
  onTooLarge: () => never,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      onTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** One uploaded file's raw bytes from a multipart/form-data request, within `maxBytes`. */
export async function readUploadedBytes(
  req: Request,
  {
    maxBytes,
    label,
    field = "file",
    tooLargeHint,
  }: { maxBytes: number; label: string; field?: string; tooLargeHint?: string },
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "invalid:upload",
      `Send the ${label} as a file upload (multipart/form-data, field "${field}").`,
    );
  }
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  const cap = maxBytes + MULTIPART_OVERHEAD;
  const refuse = (): never => {
    throw tooLarge(label, maxBytes, tooLargeHint);
  };
  if (Number.isFinite(declared) && declared > cap) refuse();
  const body = await readCapped(req, cap, refuse);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid:upload", `The upload could not be read; choose the ${label} again.`);
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) throw new AppError("invalid:upload", `Choose a ${label} to upload.`);
  if (file.size > maxBytes) refuse();
  const fileName = (file instanceof File && file.name ? file.name : "upload").slice(0, 255);
  if (file.size === 0) throw new AppError("invalid:upload", `${fileName} is empty.`);
  return { fileName, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function readUploadedText(
  req: Request,
  options: { maxBytes: number; label: string; field?: string },
): Promise<{ fileName: string; text: string }> {
  const { fileName, bytes } = await readUploadedBytes(req, options);
  const decoded = decodeUpload(bytes, fileName);
  if (!decoded.ok) throw new AppError("invalid:encoding", decoded.message);
  return { fileName, text: decoded.text };
}
