// The documented upload limits (README, import panels, upload routes): one number each.
export const IDEA_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const REVIEW_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const megabytesLabel = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
