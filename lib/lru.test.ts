import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("keeps at most max entries, evicting the least recently used", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("has() does not refresh an entry; clear() empties it", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.has("a")).toBe(true);
    lru.set("c", 3); // a was not refreshed by has(), so it goes
    expect(lru.has("a")).toBe(false);
    lru.clear();
    expect(lru.size).toBe(0);
    expect(lru.get("b")).toBeUndefined();
  });
});
