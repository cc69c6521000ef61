import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_PATH).toBe("./data/ideation-lab.db");
    expect(env.LLM_PROVIDER).toBe("none");
    expect(env.LLM_TIMEOUT_MS).toBe(60_000);
    expect(env.LLM_MAX_RETRIES).toBe(3);
    expect(env.LLM_CACHE).toBe(true);
    expect(env.JOB_CONCURRENCY).toBe(2);
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("treats blank values as unset and trims the rest", () => {
    const env = parseEnv({ LLM_MODEL: "  ", DATABASE_PATH: " /tmp/x.db ", LLM_PROVIDER: "" });
    expect(env.LLM_MODEL).toBeUndefined();
    expect(env.DATABASE_PATH).toBe("/tmp/x.db");
    expect(env.LLM_PROVIDER).toBe("none");
  });

  it("parses numbers and booleans", () => {
    const env = parseEnv({
      LLM_TIMEOUT_MS: "5000",
      LLM_CACHE: "off",
      JOB_CONCURRENCY: "4",
      LLM_PROVIDER: "openai-compatible",
    });
    expect(env.LLM_TIMEOUT_MS).toBe(5000);
    expect(env.LLM_CACHE).toBe(false);
    expect(env.JOB_CONCURRENCY).toBe(4);
    expect(env.LLM_PROVIDER).toBe("openai-compatible");
  });

  it.each([
    ["LLM_PROVIDER", "gemini"],
    ["LLM_TIMEOUT_MS", "soon"],
    ["LLM_TIMEOUT_MS", "10"],
    ["JOB_CONCURRENCY", "1.5"],
    ["LLM_CACHE", "maybe"],
    ["LLM_BASE_URL", "localhost:11434"],
    ["APP_URL", "not a url"],
    ["SMTP_URL", "http://mail.example.org"],
    ["TRUSTED_PROXY", "maybe"],
    ["TRUSTED_PROXY", "11"],
  ])("rejects %s=%s naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it("reads TRUSTED_PROXY as a count of reverse proxies, off by default", () => {
    expect(parseEnv({}).TRUSTED_PROXY).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY: "off" }).TRUSTED_PROXY).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY: "true" }).TRUSTED_PROXY).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY: "2" }).TRUSTED_PROXY).toBe(2);
  });

  it("lists every bad variable in one message", () => {
    try {
      parseEnv({ LLM_PROVIDER: "x", LLM_MAX_RETRIES: "-1" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain("LLM_PROVIDER:");
      expect((e as Error).message).toContain("LLM_MAX_RETRIES:");
    }
  });
});
