// The address a sign-in attempt is counted against (lib/auth throttle). X-Forwarded-For is written by
// whoever sends the request, so it only means something for the hops we run ourselves: with
// TRUSTED_PROXY=0 (default) the socket's peer is the client and the header is ignored; with N trusted
// reverse proxies in front, each appended the address it saw, so the client is the entry N places
// from the right of (header entries + socket peer). Anything left of that could be invented.

/** The client's address as far as the trusted hops can vouch for it. */
export function clientAddress({
  socketAddress,
  forwardedFor,
  trustedProxies,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): string {
  const peer = socketAddress || "unknown";
  if (trustedProxies <= 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = [
    ...header
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    peer,
  ];
  // Fewer hops than configured proxies: the request skipped a proxy; the leftmost is all we have.
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
