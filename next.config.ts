import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden()/unauthorized() give real 403/401 pages instead of crashes.
  experimental: {
    authInterrupts: true,
    // Idea imports (JSONL/CSV up to 10 MB) arrive through a server action.
    serverActions: { bodySizeLimit: "22mb" },
  },
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
