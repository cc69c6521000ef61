import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddress } from "@/lib/auth/client-ip";

// Runs in the HTTP server (scripts/serve.ts) before Next sees a request: replaces whatever
// X-Forwarded-For the sender wrote with the one address the trusted hops vouch for, so the sign-in
// lock (server/auth/auth.ts) can read it as fact. Next itself only fills the header when it is absent.

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function withClientAddress(handle: Handler, trustedProxies: number): Handler {
  return (req, res) => {
    req.headers["x-forwarded-for"] = clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxies,
    });
    delete req.headers["x-real-ip"];
    return handle(req, res);
  };
}
