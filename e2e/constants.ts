export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: Auth.js rejects loopback-IP callback URLs after Next rewrites them.
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_PATH = "data/e2e/ideation-lab-e2e.db";
