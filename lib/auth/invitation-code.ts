/**
 * Invitation codes are printed on paper slips and typed by parents on phones: no letters
 * that look alike (0/O, 1/I/L), Latin capitals and digits only, in groups of four.
 * Only the SHA-256 of the normalised code is stored.
 */
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;

export function newInvitationCode(random: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let s = "";
    for (let i = 0; i < GROUP_LENGTH; i++) s += ALPHABET[random(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join("-");
}

/**
 * What a parent types is forgiven: spaces, dashes, lower case, and Cyrillic letters that
 * look like Latin ones (a phone keyboard left in Russian).
 */
export function normaliseInvitationCode(input: string): string {
  const lookalikes: Record<string, string> = {
    А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y",
  };
  return input
    .toUpperCase()
    .replace(/[АВЕКМНОРСТХУ]/g, (c) => lookalikes[c] ?? c)
    .replace(/[\s\-–—_]/g, "");
}

export function isWellFormedInvitationCode(input: string): boolean {
  const code = normaliseInvitationCode(input);
  return code.length === GROUPS * GROUP_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

export function hashInvitationCode(input: string): string {
  return createHash("sha256").update(normaliseInvitationCode(input)).digest("hex");
}
