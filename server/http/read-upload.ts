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

function tooLarge(label: string, maxBytes: number) {
  return new AppError(
    "too_large:upload",
    `The ${label} is larger than ${megabytes(maxBytes)}; split it into smaller files and import each one.`,
  );
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

export async function readUploadedText(
  req: Request,
  { maxBytes, label, field = "file" }: { maxBytes: number; label: string; field?: string },
): Promise<{ fileName: string; text: string }> {
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
    throw tooLarge(label, maxBytes);
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
  const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()), fileName);
  if (!decoded.ok) throw new AppError("invalid:encoding", decoded.message);
  return { fileName, text: decoded.text };
}
