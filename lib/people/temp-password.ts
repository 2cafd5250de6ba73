/**
 * Temporary passwords an administrator reads out or writes down for a new colleague:
 * no look-alike characters, in groups, long enough to resist guessing while the
 * colleague has not yet changed it.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newTemporaryPassword(random: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let s = "";
    for (let i = 0; i < 4; i++) s += ALPHABET[random(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join("-");
}
