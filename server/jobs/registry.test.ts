import { describe, expect, it } from "vitest";
import { getJobHandler, listJobKinds, registerJobHandler } from "./registry";

describe("job handler registry", () => {
  it("finds a registered handler by kind and lists the kind", () => {
    const handler = registerJobHandler({ kind: "registry-a", handle: async () => "a" });
    expect(getJobHandler("registry-a")).toBe(handler);
    expect(listJobKinds()).toContain("registry-a");
    expect(getJobHandler("registry-missing")).toBeUndefined();
  });

  it("replaces a kind's handler when it is registered again (dev hot reload)", async () => {
    registerJobHandler({ kind: "registry-b", handle: async () => "old" });
    registerJobHandler({ kind: "registry-b", handle: async () => "new" });
    const handle = getJobHandler("registry-b")!.handle;
    await expect(handle(null, {} as never)).resolves.toBe("new");
  });

  it("refuses a handler without a kind", () => {
    expect(() => registerJobHandler({ kind: "  ", handle: async () => null })).toThrow(/needs a kind/);
  });
});
