import { createStudy } from "@/db/queries/studies";
import { insertUser } from "@/db/queries/users";
import type { SessionUser } from "@/lib/auth/types";

// Fast fixtures for unit tests: a fixed bcrypt hash of "test-password-1" (cost 4), no hashing per test.
export const TEST_PASSWORD = "test-password-1";
const TEST_HASH = "$2b$04$7roADEmxyuGr.mpzfGOgm.kMggmyhFl5aV9ZseteYaOa3qaqJuvVe";

export function makeUser(
  opts: { email?: string; name?: string; isAdmin?: boolean; canCreateStudies?: boolean } = {},
): SessionUser {
  const u = insertUser({
    email: opts.email ?? `user-${crypto.randomUUID().slice(0, 8)}@example.org`,
    name: opts.name ?? "Test User",
    passwordHash: TEST_HASH,
    isAdmin: opts.isAdmin ?? false,
    canCreateStudies: opts.canCreateStudies ?? opts.isAdmin ?? false,
  });
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, canCreateStudies: u.canCreateStudies };
}

export function makeStudy({ organizer, title = "A study" }: { organizer: SessionUser; title?: string }) {
  return createStudy({ title, description: "", createdBy: organizer.id });
}
