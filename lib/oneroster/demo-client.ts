/**
 * The demo school's OneRoster client, with a well-known client_id and secret printed in
 * the README, so that anyone trying the demo can ask for a token and read the API at
 * once. Only the demo seed creates it; a real school never has it. Every read scope,
 * no writing: the demo's marks are not changed from outside.
 */
// relative imports: the seed (prisma/seed, run by tsx) imports this module
import type { Db } from "../db";
import { hashPassword, verifyPassword } from "../auth/password";
import { SCOPE } from "./caller";

export const DEMO_CLIENT_ID = "demo-oneroster";
export const DEMO_CLIENT_SECRET = "demo-oneroster-secret-2026";
export const DEMO_CLIENT_NAME = "Демо-клиент OneRoster";
export const DEMO_CLIENT_SCOPES: readonly string[] = [
  SCOPE.rosterCore,
  SCOPE.roster,
  SCOPE.rosterDemographics,
  SCOPE.gradebookRead,
  SCOPE.gradebookCore,
];

/**
 * Creates the demo client in the school, or puts it back as it should be (working, these
 * scopes, this secret); running it again changes nothing. Returns the ApiClient id.
 */
export async function seedDemoApiClient(db: Db, schoolId: string): Promise<string> {
  const existing = await db.apiClient.findUnique({ where: { clientId: DEMO_CLIENT_ID }, select: { id: true, schoolId: true, secretHash: true } });
  if (existing && existing.schoolId !== schoolId) {
    throw new Error(`Демо-клиент OneRoster (${DEMO_CLIENT_ID}) уже есть в другой школе: демо-школа в базе может быть только одна.`);
  }
  const fields = { name: DEMO_CLIENT_NAME, kind: "SCHOOL_TOOL" as const, scopes: [...DEMO_CLIENT_SCOPES], revokedAt: null };
  if (!existing) {
    const created = await db.apiClient.create({
      data: { schoolId, clientId: DEMO_CLIENT_ID, secretHash: await hashPassword(DEMO_CLIENT_SECRET), ...fields },
      select: { id: true },
    });
    return created.id;
  }
  // the hash is salted: re-hashing on every run would end the tokens already issued for no reason
  const secretHash = (await verifyPassword(DEMO_CLIENT_SECRET, existing.secretHash)) ? existing.secretHash : await hashPassword(DEMO_CLIENT_SECRET);
  await db.apiClient.update({ where: { schoolId_id: { schoolId, id: existing.id } }, data: { ...fields, secretHash } });
  return existing.id;
}
