// Empty stand-in for the `server-only` guard package under Vitest (see vitest.config.mts).
export {};
