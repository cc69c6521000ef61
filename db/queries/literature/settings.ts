import "server-only";
import { getDb } from "../../client";

// Admin-set connector settings (keys, email, offline) stored as strings; absent keys fall back to .env.

export const LITERATURE_SETTING_KEYS = ["s2ApiKey", "openalexApiKey", "openalexEmail", "offline"] as const;
export type LiteratureSettingKey = (typeof LITERATURE_SETTING_KEYS)[number];

export function getLiteratureSettings(): Partial<Record<LiteratureSettingKey, string>> {
  const rows = getDb().$client.prepare("SELECT key, value FROM literature_settings").all() as {
    key: LiteratureSettingKey;
    value: string;
  }[];
  return Object.fromEntries(
    rows.filter((r) => LITERATURE_SETTING_KEYS.includes(r.key)).map((r) => [r.key, r.value]),
  );
}

/** Sets the given keys; an empty string or null removes the override (the .env value applies again). */
export function saveLiteratureSettings(values: Partial<Record<LiteratureSettingKey, string | null>>) {
  const client = getDb().$client;
  const upsert = client.prepare(
    "INSERT INTO literature_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
  );
  const remove = client.prepare("DELETE FROM literature_settings WHERE key = ?");
  client.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value == null || value === "") remove.run(key);
      else upsert.run(key, value, Date.now());
    }
  })();
}
