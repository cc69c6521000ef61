// The mock model's answer to a structured call it has no canned answer for: a deterministic value
// that satisfies the call's JSON schema, seeded by a hash of the prompt, so every run gets the same.

/** FNV-1a, so the same text always gives the same short id on every platform. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

// The subset of JSON Schema the mock understands (ai's JsonSchema is `any` without @types/json-schema).
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema | boolean>;
  required?: string[];
  items?: JsonSchema | boolean | Array<JsonSchema | boolean>;
  prefixItems?: Array<JsonSchema | boolean>;
  additionalItems?: JsonSchema | boolean;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Array<JsonSchema | boolean>;
  oneOf?: Array<JsonSchema | boolean>;
  allOf?: Array<JsonSchema | boolean>;
  $ref?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
};
type Schema = JsonSchema | boolean | undefined;

function resolveRef(ref: string, root: JsonSchema): Schema {
  if (!ref.startsWith("#/")) return {};
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return (node as Schema) ?? {};
}

function mockString(schema: JsonSchema, label: string, seed: string): string {
  switch (schema.format) {
    case "email":
      return `mock.${seed.slice(0, 6)}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/mock/${seed.slice(0, 6)}`;
    case "date-time":
      return "2025-01-01T00:00:00.000Z";
    case "date":
      return "2025-01-01";
    case "time":
      return "00:00:00";
    case "uuid":
      return `${seed.slice(0, 8)}-0000-4000-8000-000000000000`;
  }
  let s = `Mock ${label} ${seed.slice(0, 6)}`;
  const min = schema.minLength ?? 0;
  while (s.length < min) s += " lorem ipsum";
  if (schema.maxLength !== undefined) s = s.slice(0, Math.max(schema.maxLength, min)).trimEnd();
  // Trimming can undercut minLength again when it ends in spaces; pad with letters then.
  while (s.length < min) s += "x";
  return s;
}

function mockNumber(schema: JsonSchema, integer: boolean, index: number): number {
  const step = integer ? 1 : 0.5;
  let lo = schema.minimum ?? -Infinity;
  let hi = schema.maximum ?? Infinity;
  if (typeof schema.exclusiveMinimum === "number") lo = Math.max(lo, schema.exclusiveMinimum + step);
  if (typeof schema.exclusiveMaximum === "number") hi = Math.min(hi, schema.exclusiveMaximum - step);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  let value: number;
  if (Number.isFinite(lo) && Number.isFinite(hi)) value = lo + (hi - lo) / 2;
  else if (Number.isFinite(lo)) value = lo + index;
  else if (Number.isFinite(hi)) value = hi - index;
  else value = index + 1;
  if (integer) value = Math.floor(value);
  return Math.min(Math.max(value, lo), hi);
}

function mockValue(schema: Schema, root: JsonSchema, label: string, seed: string, index: number): unknown {
  if (schema === undefined || schema === true) return `Mock ${label} ${seed.slice(0, 6)}`;
  if (schema === false) return null;
  if (schema.$ref) return mockValue(resolveRef(schema.$ref, root), root, label, seed, index);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) {
    const pick = options.find((o) => typeof o === "object" && o.type !== "null") ?? options[0];
    return mockValue(pick, root, label, seed, index);
  }
  if (schema.allOf?.length) {
    const merged: JsonSchema = { type: "object", properties: {}, required: [] };
    for (const part of schema.allOf) {
      if (typeof part !== "object") continue;
      Object.assign(merged.properties as object, part.properties);
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
    }
    return mockValue(merged, root, label, seed, index);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type =
    types.find((t) => t !== "null") ??
    types[0] ??
    (schema.properties ? "object" : schema.items ? "array" : "string");
  const childSeed = (key: string) => hashText(`${seed}/${key}`);
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return true;
    case "integer":
      return mockNumber(schema, true, index);
    case "number":
      return mockNumber(schema, false, index);
    case "array": {
      const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
      const min = Math.max(schema.minItems ?? 0, tuple?.length ?? 0);
      const length = Math.min(Math.max(min, 2), schema.maxItems ?? Number.POSITIVE_INFINITY);
      return Array.from({ length }, (_, i) => {
        const rest = schema.prefixItems ? schema.items : schema.additionalItems;
        const item = tuple ? (tuple[i] ?? (rest as Schema)) : (schema.items as Schema);
        return mockValue(item, root, `${label} ${i + 1}`, childSeed(String(i)), i);
      });
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      const props = schema.properties ?? {};
      // Required-but-undeclared keys still need some value.
      for (const key of required) if (!(key in props)) out[key] = mockValue({}, root, key, childSeed(key), 0);
      for (const [key, prop] of Object.entries(props))
        out[key] = mockValue(prop, root, key, childSeed(key), 0);
      return out;
    }
    default:
      return mockString(schema, label, seed);
  }
}

/** A deterministic value that satisfies the JSON schema (formats, ranges, enums, required keys). */
export function mockValueForSchema({ schema, seed }: { schema: JsonSchema; seed: string }): unknown {
  return mockValue(schema, schema, "text", seed, 0);
}
