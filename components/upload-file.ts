import type { ActionResult } from "@/lib/errors";
import { megabytesLabel } from "@/lib/ideas/import-limits";

/**
 * Sends one file as multipart/form-data to an upload route (server/auth/guarded-upload.ts) and
 * returns its ActionResult. A file over the limit is refused here before sending, with the same
 * message the server would give; a lost connection becomes a message too, never a hang.
 */
export async function uploadFile<T>({
  url,
  file,
  maxBytes,
  label,
}: {
  url: string;
  file: File;
  maxBytes: number;
  label: string;
}): Promise<ActionResult<T>> {
  if (file.size > maxBytes) {
    return {
      ok: false,
      error: "too_large:upload",
      message: `The ${label} is larger than ${megabytesLabel(maxBytes)}; split it into smaller files and import each one.`,
    };
  }
  const body = new FormData();
  body.set("file", file, file.name);
  try {
    const res = await fetch(url, { method: "POST", body });
    const json = (await res.json().catch(() => null)) as ActionResult<T> | null;
    if (json && typeof json === "object" && "ok" in json) return json;
    return {
      ok: false,
      error: "internal:upload",
      message: `The server could not take the ${label} (HTTP ${res.status}).`,
    };
  } catch {
    return {
      ok: false,
      error: "unavailable:upload",
      message: `The ${label} could not be sent to the server. Check your connection and try again.`,
    };
  }
}
