import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";

const nextConfig: NextConfig = {
  // forbidden()/unauthorized() give real 403/401 pages instead of crashes.
  experimental: {
    authInterrupts: true,
    // Imports arrive as files at their upload routes (server/http/read-upload.ts), not through server
    // actions; the largest action body is an autosave of a long review or idea.
    serverActions: { bodySizeLimit: "2mb" },
  },
  // @stdlib is loaded from node_modules as-is rather than bundled, so the server computes p-values
  // with exactly the code `npm run stats` runs: bundling changed the last digits of some p-values.
  serverExternalPackages: [
    "better-sqlite3",
    "@stdlib/stats-base-dists-normal-cdf",
    "@stdlib/stats-base-dists-normal-quantile",
    "@stdlib/stats-base-dists-signrank-cdf",
    "@stdlib/stats-padjust",
    "@stdlib/stats-ttest",
    "@stdlib/stats-ttest2",
  ],
  poweredByHeader: false,
  // Read when the server starts (not baked in by the build): HTTP_COMPRESS=false leaves gzip to a
  // reverse proxy in front and saves the server the CPU.
  compress: parseEnv({ HTTP_COMPRESS: process.env.HTTP_COMPRESS }).HTTP_COMPRESS,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
