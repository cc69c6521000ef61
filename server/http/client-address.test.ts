import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { withClientAddress } from "./client-address";

// A real socket: what reaches the app is the peer address unless a trusted proxy is configured.
let server: http.Server | undefined;

async function seenBy(trustedProxies: number, headers: Record<string, string>) {
  server = http.createServer(
    withClientAddress((req, res) => {
      res.end(
        JSON.stringify({ xff: req.headers["x-forwarded-for"], realIp: req.headers["x-real-ip"] ?? null }),
      );
    }, trustedProxies),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return (await res.json()) as { xff: string; realIp: string | null };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("withClientAddress", () => {
  it("overwrites a client-written X-Forwarded-For and X-Real-IP with the socket peer by default", async () => {
    expect(await seenBy(0, { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" })).toEqual({
      xff: "127.0.0.1",
      realIp: null,
    });
  });

  it("with one trusted proxy, keeps the address the proxy appended", async () => {
    expect(await seenBy(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).toEqual({
      xff: "203.0.113.9",
      realIp: null,
    });
  });
});
