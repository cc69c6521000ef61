// The one-way layers (README "Layout", AGENTS.md): app → server → db → lib, app → components → lib.
// `npm run lint:deps` checks them; `npm test`'s lint stage runs it. Type-only imports count too
// (tsPreCompilationDeps), because a type imported from db/ still ties lib/ to the schema.

const FRAMEWORK = "^node_modules/(next|next-auth|server-only)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-pure",
      comment:
        "lib/ holds types, algorithms, validation, prompt builders and formatting. It must not reach the database, " +
        "the server layer, routes, UI, Next.js or a server-only module; move the code to db/ or server/ instead.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^(db|server|app|components)/", FRAMEWORK] },
    },
    {
      name: "db-is-data-only",
      comment:
        "db/ is schema, client, migrations and queries. It may call pure lib/ code but not the server layer, " +
        "routes or UI; a job handler or anything that calls the world belongs in server/.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(server|app|components)/" },
    },
    {
      name: "server-not-to-app-or-ui",
      comment: "server/ is used by app/, never the other way round; shared code goes down to db/ or lib/.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-use-lib-only",
      comment:
        "components/ is shared UI fed with data already shaped by its page; it may import lib/, other components " +
        "and npm packages, but never db/, server/ or app/ (pass data or server actions in as props).",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(db|server|app)/" },
    },
    {
      name: "no-circular",
      comment: "A cycle means two modules cannot be understood (or moved) apart; extract what they share.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|data|test-results|playwright-report)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
