// GET/POST /api/auth/* — Auth.js endpoints (session, CSRF, credentials callback, sign-out).
import { handlers } from "@/server/auth/auth";

export const { GET, POST } = handlers;
