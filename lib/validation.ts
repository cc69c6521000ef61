import { z } from "zod";
import { STUDY_ROLES } from "@/lib/studies/types";

// Shared field schemas: the same limits apply in forms, CLIs and route handlers.

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

export const studyTitleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(200, "Use at most 200 characters.");

export const studyDescriptionSchema = z
  .string()
  .trim()
  .max(5000, "Use at most 5,000 characters.")
  .default("");

export const studyRoleSchema = z.enum(STUDY_ROLES, { error: "Choose a valid role." });

export const uuidSchema = z.uuid("Not a valid id.");
