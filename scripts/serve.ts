// The production HTTP server (`npm start` and the e2e server run it after `next build`): Next's
// request handler behind our own listener, so the client address comes from the socket and the
// configured trusted proxies (TRUSTED_PROXY), never from a header the client wrote.
import http from "node:http";
import next from "next";
import { getEnv } from "@/lib/env";
import { withClientAddress } from "@/server/http/client-address";

async function main() {
  const env = getEnv();
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
  await app.prepare();
  const server = http.createServer(withClientAddress(app.getRequestHandler(), env.TRUSTED_PROXY));
  server.listen(env.PORT, () => console.log(`Listening on port ${env.PORT}.`));
  // A requested stop is a clean exit; idle keep-alive sockets are closed so it does not wait on them.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
