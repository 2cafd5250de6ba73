"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import {
  apiClientIdSchema,
  createApiClient,
  createApiClientFormSchema,
  revokeApiClient,
  rotateApiClientSecret,
} from "@/lib/oneroster/clients";

// the secret goes back to the form that asked, once; the page itself never has it
const shown = (issued: { name: string; clientId: string; secret: string }) => ({ name: issued.name, clientId: issued.clientId, secret: issued.secret });

export const createApiClientAction = userAction(createApiClientFormSchema, async (p, input) => {
  const issued = await createApiClient(p, input);
  revalidatePath("/admin/api-clients");
  return shown(issued);
});

export const rotateApiClientAction = userAction(apiClientIdSchema, async (p, input) => {
  const issued = await rotateApiClientSecret(p, input);
  revalidatePath("/admin/api-clients");
  return shown(issued);
});

export const revokeApiClientAction = userAction(apiClientIdSchema, async (p, input) => {
  const done = await revokeApiClient(p, input);
  revalidatePath("/admin/api-clients");
  return done;
});
