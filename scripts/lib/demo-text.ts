// Synthetic research ideas written for the demo study: three topics, eight ideas each. Not real
// research. Each idea has an "original" in its source's voice (a person's notes, or an agent's
// formulaic prose) and a "normalized" version in one neutral voice, as normalization would produce.

export type DemoTopic = { name: string; description: string; ideas: string[] };

export const DEMO_TOPICS: DemoTopic[] = [
  {
    name: "Retrieval-augmented reasoning",
    description: "Using retrieved documents to make multi-step answers more faithful.",
    ideas: [
      "Retrieve once per reasoning step instead of once per question",
      "Citation-checked chains of thought for open-domain QA",
      "Contrastive retrieval that fetches evidence against the draft answer",
      "Learning when not to retrieve from answer confidence",
      "Query rewriting from intermediate reasoning states",
      "Small verifier models that veto unsupported steps",
      "Retrieval budgets allocated by question difficulty",
      "Merging evidence from conflicting sources with explicit vote counts",
    ],
  },
  {
    name: "Code generation reliability",
    description: "Making generated code correct, tested and maintainable.",
    ideas: [
      "Property-based tests written before the code they test",
      "Repairing code from failing test traces with minimal edits",
      "Ranking candidate programs by agreement on generated inputs",
      "Type-directed decoding for dynamically typed languages",
      "Detecting silently wrong code with differential execution",
      "Curriculum of bug-fix tasks mined from commit histories",
      "Uncertainty flags on generated lines for code reviewers",
      "Specification extraction from docstrings before generation",
    ],
  },
  {
    name: "Multilingual evaluation",
    description: "Measuring model quality fairly across languages.",
    ideas: [
      "Translation-free benchmarks built from native-speaker questions",
      "Measuring cultural grounding with locally sourced facts",
      "Tokenizer-aware length normalization for cross-lingual scores",
      "Dialect robustness tests from paired regional phrasings",
      "Low-resource evaluation with community-written test cases",
      "Code-switching stress tests for conversational systems",
      "Calibrating judges that score answers in unfamiliar languages",
      "Estimating benchmark contamination per language",
    ],
  },
];

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The neutral template text reviewers see (the accepted rewrite). */
export function normalizedIdea(topic: DemoTopic, title: string, k: number): Record<string, string> {
  const subject = lower(title);
  return {
    title,
    problem: `Current approaches in ${lower(topic.name)} leave a gap: ${lower(topic.description)} This idea addresses it through ${subject}.`,
    motivation: `If ${subject} works, systems in this area become easier to trust, because their failures become visible earlier and can be measured directly. Variant ${k + 1} of the study's set.`,
    method: `The method has three steps. First, collect a representative set of tasks. Second, apply ${subject} as an intervention on a fixed base system. Third, compare against the unmodified system on the same tasks, with the same compute.`,
    experiment_plan: `1. Build a task set of about 500 items from public sources.\n2. Run the base system and the intervention with three seeds each.\n3. Report accuracy, cost and a human rating on a sample of 50 items.\n4. Ablate each step of the method.`,
    test_cases: `Input: a task where the base system fails in a typical way. Expected: the intervention either succeeds or reports that it cannot, instead of failing silently.`,
    fallback: `If the full method does not help, analyse where it fails and report the simpler variant that applies only the first step.`,
  };
}

/** The source's own text: a person's notes (Human) or an agent's formulaic prose (AI). */
export function originalIdea(
  topic: DemoTopic,
  title: string,
  k: number,
  source: "human" | "ai",
): Record<string, string> {
  const n = normalizedIdea(topic, title, k);
  if (source === "ai") {
    return {
      ...n,
      problem: `This proposal introduces a novel framework for ${lower(title)}. ${n.problem}`,
      motivation: `Importantly, ${lower(n.motivation ?? "")} Overall, this represents a significant step forward.`,
    };
  }
  return {
    ...n,
    problem: `So the thing that bugs me: ${lower(n.problem ?? "")}`,
    method: (n.method ?? "").replace("The method has three steps.", "Roughly three steps, I think."),
  };
}

/** A rationale of the length the review form asks for, varied by metric and score. */
export function demoRationale(metric: string, score: number, code: string): string {
  const tone = score >= 7 ? "stronger than most" : score >= 5 ? "about average" : "weaker than most";
  return `On ${metric}, idea ${code} is ${tone} in this set: the plan is concrete about data and baselines, but the write-up leaves open how the main risk would be handled in practice.`;
}
