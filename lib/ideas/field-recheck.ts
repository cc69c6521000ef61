import { validateIdeaFields } from "./template";
import type { IdeaTemplateField } from "./types";

/**
 * The editor's field errors after one field changed: a field that showed an error is checked again
 * as a submission would check it, so the error goes as soon as the text is fixed (or says what is
 * still wrong). Fields without an error are left alone, so typing never raises a new one.
 */
export function recheckFieldErrors({
  errors,
  template,
  key,
  value,
}: {
  errors: Readonly<Record<string, string[]>>;
  template: readonly IdeaTemplateField[];
  key: string;
  value: string;
}): Record<string, string[]> {
  if (!errors[key]) return { ...errors };
  const field = template.find((f) => f.key === key);
  const { [key]: _old, ...rest } = errors;
  if (!field) return rest;
  const check = validateIdeaFields({ template: [field], fields: { [key]: value }, mode: "submit" });
  return check.ok ? rest : { ...rest, [key]: check.errors[key] ?? [] };
}
