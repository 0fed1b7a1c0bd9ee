import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Password checks made by this process: each costs ~20 MiB and tens of ms, so throttling is measured in them. */
export const passwordChecks = { count: 0 };

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordChecks.count++;
  return verify(passwordHash, password).catch(() => false);
}

// No 0/O, 1/l/I: the initial password is read off a screen and typed by hand.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const DIGITS = "23456789";

/** A 12-character initial password with at least one digit, from a CSPRNG. */
export function generatePassword(length = 12): string {
  const chars = Array.from({ length: length - 1 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  chars.splice(randomInt(length), 0, DIGITS[randomInt(DIGITS.length)]);
  return chars.join("");
}
