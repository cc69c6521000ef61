import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import { checkLeaks, type LeakPerson, type LeakRule } from "./leak-check";

const template: IdeaTemplateField[] = [
  { key: "title", label: "Title", guidance: "", required: true, wordLimit: 30 },
  { key: "method", label: "Method", guidance: "", required: true, wordLimit: null },
];

const people: LeakPerson[] = [
  { name: "Alice Chen", email: "alice@stanford.edu", institution: "Stanford University" },
  { name: "José Núñez", institution: "Massachusetts Institute of Technology" },
  { name: "Will Hunt", institution: "ETH Zurich" },
  { name: "Grace Lee", institution: null },
  { name: "Adam Smith", institution: "Meta" },
  { name: "Li Wei" },
  { name: "Ann Okafor" },
  { name: "Demo Writer" },
];

function flagsIn(text: string, rule?: LeakRule) {
  return checkLeaks({ fields: { method: text }, template, people }).filter((f) => !rule || f.rule === rule);
}

const matches = (text: string, rule: LeakRule) => flagsIn(text, rule).map((f) => f.match);

describe("checkLeaks: true positives", () => {
  it.each<[LeakRule, string, string[]]>([
    ["person_name", "Building on Alice Chen's parser", ["Alice Chen"]],
    ["person_name", "as in alice  chen (2023)", ["alice  chen"]],
    ["person_name", "Chen et al. showed", ["Chen"]],
    ["person_name", "the Núñez estimator and José's data", ["Núñez", "José"]],
    ["person_name", "ask Will Hunt", ["Will Hunt"]],
    ["person_name", "we will hunt bugs", ["will hunt"]],
    ["person_name", "Lee proposed", ["Lee"]],
    ["person_name", "Smith's lemma", ["Smith"]],
    ["person_name", "as Li Wei noted; Wei also", ["Li Wei", "Wei"]],
    ["person_name", "Okafor's benchmark", ["Okafor"]],
    ["institution", "at Stanford University we", ["Stanford University"]],
    ["institution", "a Stanford dataset", ["Stanford"]],
    [
      "institution",
      "the MIT cluster and massachusetts institute of technology",
      ["MIT", "massachusetts institute of technology"],
    ],
    ["institution", "compute at ETH and in Zurich", ["ETH", "Zurich"]],
    ["institution", "data from Meta", ["Meta"]],
    ["email", "write to a.chen+ideas@cs.stanford.edu today", ["a.chen+ideas@cs.stanford.edu"]],
    ["url", "code at https://github.com/achen/repo.", ["https://github.com/achen/repo"]],
    ["url", "see [the code](https://x.org/a_(b)) now", ["https://x.org/a_(b)"]],
    ["url", "see [the code](https://x.org/a) now", ["https://x.org/a"]],
    ["url", "visit www.example.com, then", ["www.example.com"]],
    [
      "url",
      "forked from github.com/achen/tool and huggingface.co/models",
      ["github.com/achen/tool", "huggingface.co/models"],
    ],
    ["url", "HTTP://EXAMPLE.ORG", ["HTTP://EXAMPLE.ORG"]],
    ["first_person", "I propose a method", ["I"]],
    ["first_person", "I'm sure and I’ve seen it, i'd say", ["I'm", "I’ve", "i'd"]],
    ["first_person", "My prior results", ["My"]],
    ["first_person", "reviewers told me so", ["me"]],
    ["first_person", "a trick of mine. And this one is mine", ["mine", "mine"]],
    ["first_person", "In our lab and our previous work", ["our lab", "our previous work"]],
    ["first_person", "my group found", ["my group"]],
    ["first_person", "We at the institute", ["We at"]],
    ["first_person", "In this setting I use", ["I"]],
    ["ai_self_reference", "As an AI language model, I suggest", ["As an AI language model"]],
    ["ai_self_reference", "as a large language model I think", ["as a large language model"]],
    ["ai_self_reference", "I am a language model", ["I am a language model"]],
    ["ai_self_reference", "I'm an AI", ["I'm an AI"]],
    ["ai_self_reference", "I cannot run experiments", ["I cannot"]],
    ["ai_self_reference", "as an assistant, here", ["as an assistant"]],
    ["ai_self_reference", "Sure! Here is the plan", ["Sure! Here is"]],
    ["ai_self_reference", "Here is the rewritten idea", ["Here is the rewritten"]],
    ["ai_self_reference", "beyond my knowledge cutoff", ["my knowledge cutoff"]],
    [
      "model_name",
      "Written by GPT-4o. Written by GPT-3.5-turbo. Written by ChatGPT.",
      ["GPT-4o", "GPT-3.5-turbo", "ChatGPT"],
    ],
    [
      "model_name",
      "Written by gpt-4o-mini. Written by o1-preview. Written by o3.",
      ["gpt-4o-mini", "o1-preview", "o3"],
    ],
    [
      "model_name",
      "Written by Claude 3.5 Sonnet. Written by Gemini 1.5 Pro.",
      ["Claude 3.5 Sonnet", "Gemini 1.5 Pro"],
    ],
    [
      "model_name",
      "Written by LLaMA-2-7B. Written by Llama 3.1. Written by Mistral. Written by Mixtral.",
      ["LLaMA-2-7B", "Llama 3.1", "Mistral", "Mixtral"],
    ],
    ["model_name", "Written by Qwen2.5. Written by DeepSeek-R1.", ["Qwen2.5", "DeepSeek-R1"]],
    [
      "model_name",
      "Written by OpenAI. Written by Anthropic. Written by Google DeepMind.",
      ["OpenAI", "Anthropic", "Google DeepMind"],
    ],
    ["model_name", "Written by Copilot. Written by Bard. Written by PaLM 2.", ["Copilot", "Bard", "PaLM 2"]],
    ["model_name", "Written by Perplexity. Written by perplexity AI.", ["Perplexity", "perplexity AI"]],
  ])("%s in %j", (rule, text, expected) => {
    expect(matches(text, rule)).toEqual(expected);
  });
});

describe("checkLeaks: false positives stay quiet", () => {
  it.each<[LeakRule, string]>([
    ["first_person", "Illinois and Iowa use IEEE"],
    ["first_person", "a myriad of memes in the mean time; Meta metadata"],
    ["first_person", "we mine hard negatives and mined data"],
    ["first_person", "a Type I error in a Phase I trial (Table I)"],
    ["first_person", "I/O bound; the identity $I$; I-JEPA"],
    ["first_person", "I. Introduction"],
    ["first_person", "we propose; our method; our work; our results"],
    ["first_person", "MY and ME abbreviations"],
    ["first_person", "for each i in range"],
    ["person_name", "we will find bugs and hunt them with grace"],
    ["person_name", "the Adam optimizer and annual annotations"],
    ["person_name", "Li and a demo by the writer"],
    ["person_name", "chenille"],
    ["institution", "meta-learning and metadata"],
    ["institution", "the university of technology"],
    ["url", "e.g. this, i.e. that, Fig. 3, setup.py, README.md, Node.js, v1.2.3"],
    ["url", "mail alice@example.com now"],
    ["email", "an @mention and a@b"],
    ["model_name", "perplexity drops. Perplexity is the metric"],
    ["model_name", "# Perplexity\n- Perplexity of the model"],
    ["model_name", "palm trees; grokking; O(1) time; the ideas cohere"],
    ["model_name", "a gptq quantizer? no: gptq"],
    // Models named as what the idea studies, not as its author (model-self-reference.ts).
    ["model_name", "We evaluate GPT-4o-mini and Llama-3-70B; baselines: Claude 3 Haiku, Copilot"],
    ["ai_self_reference", "a language model as a tool; models cannot"],
  ])("%s: %j", (rule, text) => {
    expect(flagsIn(text, rule)).toEqual([]);
  });
});

describe("checkLeaks: flags", () => {
  it("reports offsets into the field and context around the match", () => {
    const text = `${"x".repeat(60)} contact alice@stanford.edu\nfor data ${"y".repeat(60)}`;
    const flag = at(flagsIn(text, "email"), 0);
    expect(text.slice(flag.start, flag.end)).toBe("alice@stanford.edu");
    expect(flag.start).toBe(69);
    expect(flag.context).toBe(`…${"x".repeat(31)} contact alice@stanford.edu for data ${"y".repeat(30)}…`);
  });

  it("shows no ellipsis when the context reaches both ends", () => {
    expect(flagsIn("Ask me.", "first_person")[0]?.context).toBe("Ask me.");
  });

  it("does not flag an email's domain as a URL, nor a name or institution inside an email", () => {
    const flags = flagsIn("mail alice.chen@stanford.edu");
    expect(flags.map((f) => [f.rule, f.match])).toEqual([["email", "alice.chen@stanford.edu"]]);
  });

  it("lets a model name inside a URL count as the URL", () => {
    expect(flagsIn("via perplexity.ai today").map((f) => [f.rule, f.match])).toEqual([
      ["url", "perplexity.ai"],
    ]);
  });

  it("lets a URL stand for the name and institution inside it", () => {
    const flags = flagsIn("see https://stanford.edu/~chen/openai");
    expect(flags.map((f) => f.rule)).toEqual(["url"]);
  });

  it("keeps one flag per overlap within a rule, the longest", () => {
    expect(matches("my group and my lab", "first_person")).toEqual(["my group", "my lab"]);
    expect(matches("Alice Chen", "person_name")).toEqual(["Alice Chen"]);
  });

  it("keeps flags of different rules on the same words", () => {
    const flags = flagsIn("I cannot");
    expect(flags.map((f) => [f.rule, f.match])).toEqual([
      ["first_person", "I"],
      ["ai_self_reference", "I cannot"],
    ]);
  });

  it("orders flags by template field, then position", () => {
    const flags = checkLeaks({
      fields: { method: "Written by GPT-4 as I said", title: "Chen's idea", extra: "I" },
      template,
      people,
    });
    expect(flags.map((f) => [f.field, f.rule, f.match])).toEqual([
      ["title", "person_name", "Chen"],
      ["method", "model_name", "GPT-4"],
      ["method", "first_person", "I"],
    ]);
  });

  it("returns nothing for clean text and needs no people", () => {
    expect(
      checkLeaks({
        fields: { title: "Sparse attention for long documents", method: "We train a model and compare." },
        template,
        people: [],
      }),
    ).toEqual([]);
  });
});
