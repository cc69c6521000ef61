import { z } from "zod";
import { studyDescriptionSchema, studyTitleSchema } from "@/lib/validation";

export const createStudySchema = z.object({
  title: studyTitleSchema,
  description: studyDescriptionSchema,
});
