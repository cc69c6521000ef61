import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The deployment files are only useful if they keep doing what README promises.
const read = (f: string) => fs.readFileSync(`deploy/${f}`, "utf8");

describe("deploy/", () => {
  it("Dockerfile keeps the database in a volume and polls /api/health", () => {
    const docker = read("Dockerfile");
    expect(docker).toMatch(/^VOLUME \["\/app\/data"\]$/m);
    expect(docker).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(docker).toMatch(/^CMD \["npm", "start"\]$/m);
  });

  it("the systemd unit restarts on failure, and its health timer polls /api/health", () => {
    expect(read("ideation-lab.service")).toMatch(/^Restart=on-failure$/m);
    expect(read("ideation-lab.service")).toMatch(/^ExecStart=\/usr\/bin\/npm start$/m);
    expect(read("ideation-lab-health.service")).toContain("/api/health");
    expect(read("ideation-lab-health.timer")).toMatch(/^OnUnitActiveSec=/m);
  });
});
