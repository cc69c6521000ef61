// The signed-in user as every layer sees it (server/auth/session.ts builds it from the session).

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  canCreateStudies: boolean;
};
