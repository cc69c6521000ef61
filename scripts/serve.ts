// The production HTTP server (`npm start` and the e2e server run it after `next build`): Next's
// request handler behind our own listener, so the client address comes from the socket and the
// configured trusted proxies (TRUSTED_PROXY), never from a header the client wrote. A few hot
// paths (review autosave) are answered here before Next (server/http/fast-routes.ts), and reloads of
// review pages from a cache while the database has not changed (server/http/page-cache.ts).
// Started with the react-server condition (scripts/lib/serve-command.ts).
// WEB_CONCURRENCY > 1 runs that many server processes on the one port (node:cluster): this process
// becomes their primary (scripts/lib/cluster-primary.ts) and only one worker runs background jobs.
import cluster from "node:cluster";
import http from "node:http";
import next from "next";
import { getEnv } from "@/lib/env";
import { withClientAddress } from "@/server/http/client-address";
import { runPrimary } from "./lib/cluster-primary";
import { linkWorker } from "./lib/cluster-worker";

async function serve() {
  const env = getEnv();
  if (cluster.isWorker) linkWorker({ runsJobs: env.JOB_RUNNER });
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
  await app.prepare();
  // Loaded here, not at the top: a cluster primary serves nothing and need not load the server code.
  const { withFastRoutes } = await import("@/server/http/fast-routes");
  const server = http.createServer(
    withClientAddress(withFastRoutes(app.getRequestHandler()), env.TRUSTED_PROXY),
  );
  server.listen(env.PORT, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`Listening on port ${env.PORT}.`);
  });
  // A requested stop is a clean exit; idle keep-alive sockets are closed so it does not wait on them.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function main() {
  const env = getEnv();
  if (cluster.isPrimary && env.WEB_CONCURRENCY > 1) {
    const primary = runPrimary({ workers: env.WEB_CONCURRENCY, runJobs: env.JOB_RUNNER });
    for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => primary.stop(sig));
    return;
  }
  serve().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

main();
