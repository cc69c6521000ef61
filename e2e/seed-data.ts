// What the e2e seeds create, shared by the specs (which run in Playwright) and the seeders (which run
// in a tsx child process with the app's own db/queries): names, shapes and the seeded scores.

// Created by first-run.spec.ts through the real /setup page.
export const ADMIN = { name: "Ada Admin", email: "admin@e2e.example.org", password: "admin-pass-e2e-1" };

// Distinctive on purpose: the blindness crawls search every response for them.
export const SECRET = {
  authorName: "Wendeline Quarrington",
  authorEmail: "wendeline.quarrington@e2e.example.org",
  institution: "Zyxwv Institute of Secrecy",
  conditions: [
    { key: "HumanQx", label: "Human experts Qx" },
    { key: "AgentZq", label: "Agent ideas Zq" },
  ],
  originalMarker: "ORIGINALTEXTONLY",
};

export type SeededUser = { id: string; name: string; email: string; password: string };
export type SeededReviewStudy = {
  studyId: string;
  title: string;
  ideas: { id: string; code: string; condition: string; topic: string }[];
  reviewers: SeededUser[];
  author: SeededUser;
};

export const RESULT_METRICS = ["novelty", "excitement", "feasibility", "effectiveness", "overall"] as const;

/** The seeded score of reviewer r for idea k, or null for the one deliberately missing cell. */
export function seededScore(metric: string, agent: boolean, r: number, k: number): number | null {
  switch (metric) {
    case "novelty":
      return agent ? 6 + ((r + 2 * k) % 3) : 4 + ((r + k) % 3);
    case "excitement":
      return 5 + ((r + k) % 3);
    case "feasibility":
      return (agent ? 5 : 6) + ((r + k) % 2);
    case "effectiveness":
      return r === 0 && k === 0 ? null : 4 + ((r * k) % 4);
    default:
      return (agent ? 6 : 5) + ((r + k) % 2);
  }
}

export const ARENA_CRITERIA = ["novelty", "significance", "clarity", "feasibility", "effectiveness"];

export type SeededPair = { id: string; ideaAId: string; ideaBId: string };
