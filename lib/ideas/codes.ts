// Codes that reviewers see instead of idea ids: short enough to read out, random so that neither
// order nor neighbouring codes reveal when (or by whom) an idea was written.

/** Digits and capitals without 0/O, 1/I/L, which readers confuse. 31 symbols. */
export const IDEA_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Two groups of four: 31^8 ≈ 8.5e11 codes, so collisions within a study are negligible. */
export const IDEA_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

const CODE_LENGTH = 8;
// The largest multiple of the alphabet size below 256: bytes at or above it are redrawn, because
// `byte % 31` over all 256 values would favour the first symbols.
const REJECT_FROM = 256 - (256 % IDEA_CODE_ALPHABET.length);

function cryptoRandomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

/**
 * A fresh code such as "K7QX-42MA", drawn uniformly from a cryptographic source. Callers still
 * rely on the (study, code) unique index and retry on the rare collision. `randomBytes` exists so
 * that tests can feed known bytes.
 */
export function generateIdeaCode({
  randomBytes = cryptoRandomBytes,
}: {
  randomBytes?: (count: number) => Uint8Array;
} = {}): string {
  let symbols = "";
  while (symbols.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte >= REJECT_FROM) continue;
      symbols += IDEA_CODE_ALPHABET[byte % IDEA_CODE_ALPHABET.length];
      if (symbols.length === CODE_LENGTH) break;
    }
  }
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** Reads a code as a person may type it: any case, with or without the dash, spaces around. */
export function normalizeIdeaCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== CODE_LENGTH) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return IDEA_CODE_PATTERN.test(code) ? code : null;
}
