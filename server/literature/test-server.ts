// Test helper: a local node:http server answering from a route table, recording every request.
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export type Reply = { status?: number; headers?: Record<string, string>; body: string };
export type Recorded = { url: URL; headers: IncomingHttpHeaders; at: number };

export const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

/** `route(url, count)` gets the request URL and how many requests came before; it returns the reply. */
export async function startFixtureServer(route: (url: URL, previous: number) => Reply) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const previous = requests.length;
    requests.push({ url, headers: req.headers, at: Date.now() });
    const reply = route(url, previous);
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
