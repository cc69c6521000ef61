import bcrypt from "bcryptjs";

export { MIN_PASSWORD_LENGTH, passwordSchema } from "./password-rules";

const BCRYPT_COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so timing does not reveal which emails exist.
const DUMMY_HASH = "$2b$11$jDsGAYJn2CRURrm1C.9z1.HMjz6CaGbToJNHdQ4zWIUZ6NpqacCEa";

export function verifyAgainstDummy(password: string): Promise<boolean> {
  return bcrypt.compare(password, DUMMY_HASH).then(() => false);
}
