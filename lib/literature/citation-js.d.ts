// citation-js 0.7 ships no type declarations; only the input chain used by bibliography.ts is typed.
declare module "@citation-js/core" {
  export const plugins: {
    input: { chain(data: string, options: { forceType: string; generateGraph?: boolean }): unknown[] };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
