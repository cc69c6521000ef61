import type { IdeaFields, IdeaTemplateField } from "@/lib/ideas/types";
import { isModelSelfReference } from "./model-self-reference";

// Flags text that could tell a blind reviewer who wrote an idea, or that it came from a model.
// Plain rules, no LLM: the flags are suggestions for the organizer, who sees each in context and
// decides, so the rules lean towards flagging and only drop the false positives that would drown the
// real ones ("Type I error", "perplexity", models named as baselines or datasets).

export const LEAK_RULES = [
  "person_name",
  "institution",
  "email",
  "url",
  "first_person",
  "ai_self_reference",
  "model_name",
] as const;
export type LeakRule = (typeof LEAK_RULES)[number];

export const LEAK_RULE_LABELS: Record<LeakRule, string> = {
  person_name: "Name of a study member",
  institution: "Institution of a study member",
  email: "Email address",
  url: "Link or web address",
  first_person: "First-person reference to the author",
  ai_self_reference: "Phrasing typical of an AI assistant",
  model_name: "Model or AI product name",
};

export type LeakFlag = {
  field: string;
  rule: LeakRule;
  match: string;
  /** Offsets into the field's text, end exclusive. */
  start: number;
  end: number;
  /** About 40 characters either side, line breaks shown as spaces, "…" where cut. */
  context: string;
};

export type LeakPerson = { name: string; email?: string; institution?: string | null };

type Matcher = { regex: RegExp; accept?: (text: string, start: number, end: number) => boolean };
type Span = { start: number; end: number };

const CONTEXT_CHARS = 40;
// Unicode-aware word edges: \b is ASCII-only and would split "Núñez".
const W = "[\\p{L}\\p{M}\\p{N}_]";
const BEFORE = `(?<!${W})`;
const AFTER = `(?!${W})`;

/**
 * Name parts that are ordinary words (English, academic, or app roles such as "Writer" in a demo
 * account's name) and would flag half of any text. A full name still matches when it has a part
 * listed here ("Will Hunt"), only the part alone is ignored.
 */
const COMMON_WORDS = new Set(
  `the and for are but not you all any can had her was one our out day get has him his how man new now old see
  two way who boy did its let put say she too use will may june april august mark rose bill jack young long
  king green brown white black gray grey wood woods hill hills page ray chase hope joy faith grant bell cook
  baker hunter hunt park lane ford bush hall shaw price rice wise gold silver frost snow rain storm knight
  bishop major noble sterling angel bond banks glass mason carter porter turner walker parker cooper taylor
  potter weaver singer fisher cross church field fields lake marsh moon rich sharp strong small little short
  best case land day dawn summer autumn winter spring sky star river stone fox wolf bird swan crane drew dean
  guy rob sue pat gene bob don herb ivy iris lily holly heather violet amber ruby jade pearl crystal penny
  sandy rusty buck cliff dale glen wade miles rod nick norm lance mercy honor prince duke earl baron rush
  trust max min sun tan song ding fan fang pan bin jun kim long can will van von der den del della dos das
  ibn abu bin mac mae art win hero early north south east west sharp well wells way ways bay law more
  moore much light love lord lamb fair free good gay happy hart heart rowe row cole coal still west waters
  water winters young law house houses street strand brook brooks ridge mills mill marshall major chance
  bliss blaze ace sage saint mister miss mrs doctor professor prof dr phd admin user test demo organizer
  writer reviewer judge member guest student team group lab staff account one three four five six seven
  eight nine ten first second third last jr sr ii iii iv adam bert elmo ernie ada pascal newton gauss bayes
  markov turing euler fourier laplace monte carlo gibbs shannon kalman bellman poisson bernoulli gaussian
  wiener hopfield pearson spearman kendall cohen likert welch student elo glicko adam julia ruby perl rust
  swift go dart grace patience charity prudence destiny harmony melody liberty justice sunny candy cherry
  ginger olive daisy poppy hazel willow forest cedar ash birch basil clay rocky archer dusty misty blue red
  reed bright fine wren robin jay finch hawk drake
  `
    .split(/\s+/)
    .filter((w) => w !== ""),
);

/** Words in institution names that say nothing about which institution. */
const INSTITUTION_WORDS = new Set(
  `university universidad universite université universität universitat college institute institut school
  technology technical technological department dept laboratory laboratories lab labs research center
  centre national state science sciences engineering computer computing academy foundation inc corp
  corporation company ltd llc gmbh hospital medical medicine faculty group the and for of at de la du des
  der di del da le les am an in nlp llm cs ai ml eecs applied advanced international global city graduate
  studies division unit program polytechnic polytechnique`.split(/\s+/),
);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const letterCount = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/** One alternation, longest first, so a regex engine prefers "Alice Chen" over "Alice". */
function alternation(patterns: string[]): string | null {
  const unique = [...new Set(patterns)].sort((a, b) => b.length - a.length);
  return unique.length === 0 ? null : `(?:${unique.join("|")})`;
}

/** A multi-word phrase matched with any run of whitespace (and optional commas) between words. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/[\s,]+/)
    .filter((w) => w !== "")
    .map(escapeRegex)
    .join(",?\\s+");
}

function personMatchers(people: LeakPerson[]): Matcher[] {
  const full: string[] = [];
  const parts: string[] = [];
  for (const person of people) {
    const words = person.name
      .trim()
      .split(/\s+/)
      .filter((w) => w !== "");
    if (words.length >= 2) full.push(phrasePattern(person.name));
    for (const part of person.name.split(/[\s\-–.,()"]+/)) {
      const bare = part.replace(/^['’]+|['’]+$/g, "");
      if (letterCount(bare) >= 3 && !COMMON_WORDS.has(bare.toLowerCase())) parts.push(escapeRegex(bare));
    }
  }
  const pattern = alternation([...full, ...parts]);
  return pattern === null ? [] : [{ regex: new RegExp(`${BEFORE}${pattern}${AFTER}`, "giu") }];
}

function institutionMatchers(people: LeakPerson[]): Matcher[] {
  const insensitive: string[] = [];
  const sensitive: string[] = [];
  for (const person of people) {
    const name = person.institution?.trim() ?? "";
    if (letterCount(name) < 2) continue;
    const words = name.split(/[\s,()/&]+/).filter((w) => w !== "");
    // A one-word name ("Meta") or an acronym ("MIT") is matched as written: "meta-learning" and the
    // German "mit" are not leaks. Longer names are distinctive in any case.
    if (words.length === 1 || name === name.toUpperCase()) sensitive.push(phrasePattern(name));
    else insensitive.push(phrasePattern(name));
    // Single words are matched as written: "Stanford" is a leak, while "meta-learning" is not "Meta".
    for (const word of words) {
      const lower = word.toLowerCase();
      if (INSTITUTION_WORDS.has(lower) || COMMON_WORDS.has(lower)) continue;
      const isAcronym = word === word.toUpperCase() && letterCount(word) >= 3;
      if (isAcronym || letterCount(word) >= 4) sensitive.push(escapeRegex(word));
    }
    // "Massachusetts Institute of Technology" is written "MIT" more often than in full.
    const initials = words
      .filter((w) => /^\p{Lu}/u.test(w) && !["of", "the", "and", "for", "at"].includes(w.toLowerCase()))
      .map((w) => w[0])
      .join("");
    if (initials.length >= 3 && words.length >= 3) sensitive.push(escapeRegex(initials));
  }
  const matchers: Matcher[] = [];
  const ci = alternation(insensitive);
  const cs = alternation(sensitive);
  if (ci !== null) matchers.push({ regex: new RegExp(`${BEFORE}${ci}${AFTER}`, "giu") });
  if (cs !== null) matchers.push({ regex: new RegExp(`${BEFORE}${cs}${AFTER}`, "gu") });
  return matchers;
}

const EMAIL: Matcher[] = [
  {
    regex:
      /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}])/gu,
  },
];

// Bare domains are matched only with these endings, so that "e.g.", "setup.py" and "README.md"
// are not mistaken for web addresses.
const TLDS =
  "com|org|net|edu|gov|io|ai|dev|app|co|uk|de|fr|cn|jp|ca|au|ch|nl|eu|info|xyz|me|tech|cc|ly|gl|gg|be|se|kr|ru|us|tv|site|page";
const URL_TAIL = "[^\\s<>\"'`]*";

const URL: Matcher[] = [
  { regex: new RegExp(`\\bhttps?:\\/\\/${URL_TAIL}`, "giu") },
  { regex: new RegExp(`(?<![\\p{L}\\p{N}_.\\/@-])www\\.${URL_TAIL}`, "giu") },
  {
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}_.\\/@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})(?![\\p{L}\\p{N}_-])(?:\\/${URL_TAIL})?`,
      "giu",
    ),
  },
];

/** Where a URL really ends: not at the sentence's full stop, nor at a Markdown link's ")". */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'"*_\]}>]+$/, "");
  while (out.endsWith(")") && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length) {
    out = out.slice(0, -1).replace(/[.,;:!?'"*_\]}>]+$/, "");
  }
  return out;
}

/**
 * Words before a capital I that make it a numeral: "Type I error", "Phase I", "Table I". Only words
 * rarely followed by the pronoun: "in this setting I use" must still be flagged.
 */
const ROMAN_I_CONTEXT =
  /(?<!\p{L})(?:type|phase|part|table|figure|fig\.|stage|level|class|section|appendix|chapter|volume|vol\.|book|tier|category|grade|world\s+war)\s+$/iu;

const FIRST_PERSON: Matcher[] = [
  {
    // Case-sensitive: a lower-case "i" is an index variable; "I/O", "$I$", "I-JEPA" are not the author.
    regex: /(?<![\p{L}\p{M}\p{N}_\-/.$\\'’])I(?![\p{L}\p{M}\p{N}_\-/$'’])/gu,
    accept: (text, start, end) => {
      if (ROMAN_I_CONTEXT.test(text.slice(Math.max(0, start - 40), start))) return false;
      // "I. Introduction" or "I) Setup" at the start of a line is a numbered heading.
      const lineStart = start === 0 || text[start - 1] === "\n";
      return !(lineStart && /^[.)]/.test(text.slice(end, end + 1)));
    },
  },
  { regex: /(?<![\p{L}\p{N}_])[Ii]['’](?:m|ve|d|ll)(?![\p{L}\p{N}_])/giu },
  { regex: /(?<![\p{L}\p{M}\p{N}_\-'’])(?:[Mm]y|[Mm]e|[Mm]yself)(?![\p{L}\p{M}\p{N}_\-'’])/gu },
  {
    // "mine" is also a verb in research writing ("we mine hard negatives"): only the pronoun counts,
    // after "of" or before punctuation or the end.
    regex: /(?<![\p{L}\p{N}_])[Mm]ine(?![\p{L}\p{N}_])/gu,
    accept: (text, start, end) =>
      /(?<!\p{L})of\s+$/iu.test(text.slice(Math.max(0, start - 10), start)) ||
      /^\s*(?:[.,;:!?)]|$)/.test(text.slice(end)),
  },
  {
    regex:
      /\bour\s+(?:own\s+|previous\s+|prior\s+|earlier\s+|recent\s+|past\s+)?(?:lab|labs|laboratory|group|team|institution|institute|university|department|company)\b/giu,
  },
  {
    regex:
      /\bour\s+(?:own\s+)?(?:previous|prior|earlier|recent|past)\s+(?:work|works|paper|papers|study|studies|publication|publications|research)\b/giu,
  },
  {
    regex:
      /\bmy\s+(?:own\s+)?(?:lab|group|team|advisor|adviser|supervisor|students?|colleagues?|thesis|dissertation|phd|previous\s+work|prior\s+work|papers?)\b/giu,
  },
  { regex: /\bwe\s+at\b/giu },
];

const AI_SELF_REFERENCE: Matcher[] = [
  {
    regex:
      /\bas\s+an?\s+(?:ai|artificial\s+intelligence)(?:[\s-]+(?:language\s+model|model|assistant|system|chatbot))?\b/giu,
  },
  { regex: /\bas\s+an?\s+(?:large\s+)?language\s+model\b/giu },
  { regex: /\bas\s+an?\s+(?:helpful\s+|virtual\s+)?assistant\b/giu },
  {
    regex:
      /\bI(?:\s+am|['’]m)\s+(?:just\s+|only\s+)?(?:an?\s+)?(?:ai|large\s+language\s+model|language\s+model|(?:ai\s+)?assistant|chatbot)\b/giu,
  },
  { regex: /\bI\s+(?:cannot|can['’]t|can\s+not|am\s+unable\s+to|am\s+not\s+able\s+to)\b/gu },
  { regex: /\bI\s+(?:do\s+not|don['’]t)\s+have\s+(?:access|personal|the\s+ability|real-time)\b/gu },
  { regex: /\b(?:my\s+)?(?:knowledge|training(?:\s+data)?)\s+cut-?off\b/giu },
  { regex: /\bmy\s+training\s+data\b/giu },
  { regex: /\bI\s+hope\s+this\s+helps\b/giu },
  { regex: /\b(?:sure|certainly|of\s+course|absolutely)[!,.]\s+here(?:['’]s|\s+is|\s+are)\b/giu },
  {
    regex:
      /\bhere(?:['’]s|\s+is)\s+(?:the|a|your)\s+(?:rewritten|revised|normalized|normalised|rephrased|updated|improved|edited)\b/giu,
  },
];

/** True when `start` begins a sentence, a heading or a list item, where any word is capitalized. */
function atSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (start <= 12 && /^\s*(?:(?:[-*+#>]+|\d+[.)])\s*)?$/.test(before)) return true;
  return /(?:[.!?:]\s+|\n\s*(?:(?:[-*+#>]+|\d+[.)])\s*)?)$/.test(before);
}

const MODEL_NAME: Matcher[] = [
  {
    regex:
      /\b(?:chat)?gpt(?:-?\d+(?:\.\d+)?[a-z]?)?(?:-(?:turbo|mini|nano|pro|preview|instruct|\d+k))*(?![\p{L}\p{N}_])/giu,
  },
  // OpenAI's reasoning models, lower-case only: "O(1)" and "O2" are not models.
  { regex: /(?<![\p{L}\p{N}_])o[1-4](?:-(?:mini|preview|pro|high))*(?![\p{L}\p{N}_])/gu },
  { regex: /\bclaude(?:[\s-](?:\d+(?:\.\d+)?|instant|opus|sonnet|haiku))*\b/giu },
  { regex: /\bgemini(?:[\s-](?:\d+(?:\.\d+)?|pro|ultra|nano|flash))*\b/giu },
  { regex: /\bgemma(?:[\s-]?\d+)?\b/giu },
  { regex: /\bllama(?:[\s-]?\d+(?:\.\d+)?)?(?:[\s-]\d+(?:\.\d+)?[bm])?\b/giu },
  { regex: /\b(?:mistral|mixtral|vicuna|openai|anthropic|deepmind|copilot)\b/giu },
  { regex: /\bqwen(?:[\s-]?\d+(?:\.\d+)?)?\b/giu },
  { regex: /\bdeepseek(?:[\s-](?:v\d+(?:\.\d+)?|r\d|coder|chat|math))*\b/giu },
  { regex: /\bgoogle\s+deepmind\b/giu },
  { regex: /\bphi-\d+(?:\.\d+)?\b/giu },
  { regex: /\bmeta\s+ai\b/giu },
  // Ordinary words that are also products: only as written for the product, "palm" and "grok" stay.
  { regex: /\b(?:Bard|PaLM(?:[\s-]?\d)?|Grok(?:[\s-]?\d)?|xAI)\b/gu },
  // "perplexity" is the standard language-model metric; "cohere" a verb. Capitalized mid-sentence, or
  // with the product's suffix, they are the companies.
  { regex: /\b(?:perplexity|cohere)(?:\s+ai|\.ai)\b/giu },
  { regex: /\b(?:Perplexity|Cohere)\b/gu, accept: (text, start) => !atSentenceStart(text, start) },
];

// A model name counts only where it names the author (see model-self-reference.ts), so baselines and
// datasets ("we evaluate GPT-4o-mini") do not bury the real leaks.
const SELF_REFERENCING_MODEL_NAME: Matcher[] = MODEL_NAME.map(({ regex, accept }) => ({
  regex,
  accept: (text, start, end) =>
    (accept === undefined || accept(text, start, end)) && isModelSelfReference(text, start, end),
}));

function findSpans(text: string, matchers: Matcher[], trim?: (s: string) => string): Span[] {
  const spans: Span[] = [];
  for (const { regex, accept } of matchers) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const start = m.index ?? 0;
      const matched = trim ? trim(m[0]) : m[0];
      const end = start + matched.length;
      if (end > start && (accept === undefined || accept(text, start, end))) spans.push({ start, end });
    }
  }
  return spans;
}

/** Keeps the earliest, then longest, of overlapping spans. */
function dropOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || span.start >= last.end) kept.push(span);
  }
  return kept;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const body = text.slice(from, to).replace(/[\r\n\t]/g, " ");
  return `${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`;
}

/**
 * Leak flags for an idea's template fields, in template order then by position. Within a rule,
 * overlapping matches become one flag (the longest); anything inside a flagged email or URL is not
 * flagged again under another rule (the domain of an email is not also a URL, a name in a GitHub
 * link is part of the link).
 */
export function checkLeaks({
  fields,
  template,
  people,
}: {
  fields: IdeaFields;
  template: IdeaTemplateField[];
  people: LeakPerson[];
}): LeakFlag[] {
  const matchers: Array<[LeakRule, Matcher[], ((s: string) => string)?]> = [
    ["person_name", personMatchers(people)],
    ["institution", institutionMatchers(people)],
    ["email", EMAIL],
    ["url", URL, trimUrl],
    ["first_person", FIRST_PERSON],
    ["ai_self_reference", AI_SELF_REFERENCE],
    ["model_name", SELF_REFERENCING_MODEL_NAME],
  ];
  const flags: LeakFlag[] = [];
  for (const { key } of template) {
    const text = fields[key] ?? "";
    if (text === "") continue;
    const byRule = new Map<LeakRule, Span[]>();
    for (const [rule, ruleMatchers, trim] of matchers) {
      byRule.set(rule, dropOverlaps(findSpans(text, ruleMatchers, trim)));
    }
    const emails = byRule.get("email") ?? [];
    const urls = (byRule.get("url") ?? []).filter((u) => !emails.some((e) => within(u, e)));
    byRule.set("url", urls);
    for (const rule of LEAK_RULES) {
      for (const span of byRule.get(rule) ?? []) {
        if (rule !== "email" && emails.some((e) => within(span, e))) continue;
        if (rule !== "email" && rule !== "url" && urls.some((u) => within(span, u))) continue;
        flags.push({
          field: key,
          rule,
          match: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          context: contextOf(text, span.start, span.end),
        });
      }
    }
  }
  const fieldOrder = new Map(template.map((f, i) => [f.key, i]));
  return flags.sort(
    (x, y) =>
      fieldOrder.get(x.field)! - fieldOrder.get(y.field)! ||
      x.start - y.start ||
      LEAK_RULES.indexOf(x.rule) - LEAK_RULES.indexOf(y.rule),
  );
}
