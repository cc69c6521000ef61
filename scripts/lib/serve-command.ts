/**
 * The arguments (after node itself) that start the production HTTP server, scripts/serve.ts: under
 * tsx with the react-server condition, as Next's own server bundles are built, so the server modules
 * its fast routes share with Next (server/http/fast-routes.ts) load outside Next (`server-only`).
 * `nodeFlags` (a CPU profile, say) go to the node process that runs the server.
 */
export const serveArgs = (nodeFlags: readonly string[] = []) => [
  "node_modules/tsx/dist/cli.mjs",
  ...nodeFlags,
  "--conditions=react-server",
  "scripts/serve.ts",
];
