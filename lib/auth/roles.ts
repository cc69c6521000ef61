// Instance-level roles an invitation may grant (study roles live in lib/studies/types.ts).

export const INVITABLE_INSTANCE_ROLES = ["admin", "organizer"] as const;
