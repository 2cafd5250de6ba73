"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import {
  apiClientIdSchema,
  clearWebhook,
  createApiClient,
  createApiClientFormSchema,
  revokeApiClient,
  rotateApiClientSecret,
  setWebhook,
  setWebhookSchema,
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

// the webhook's signing secret, like the client's, goes back once to the form that set it
export const setWebhookAction = userAction(setWebhookSchema, async (p, input) => {
  const issued = await setWebhook(p, input.apiClientId, input.url);
  revalidatePath("/admin/api-clients");
  return { name: issued.name, url: issued.url, secret: issued.secret };
});

export const clearWebhookAction = userAction(apiClientIdSchema, async (p, input) => {
  const done = await clearWebhook(p, input.apiClientId);
  revalidatePath("/admin/api-clients");
  return done;
});
