"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { addMyContact, confirmMyContact, removeMyContact, resendMyCode } from "@/lib/notify/contacts";
import { addContactSchema, confirmContactSchema, contactIdSchema } from "@/lib/notify/schemas";

const refresh = () => revalidatePath("/diary/contacts");

export const addContactAction = userAction(addContactSchema, async (p, input) => {
  const added = await addMyContact(p, input);
  refresh();
  return added;
});

export const confirmContactAction = userAction(confirmContactSchema, async (p, input) => {
  await confirmMyContact(p, input);
  refresh();
  return { contactId: input.contactId };
});

export const resendCodeAction = userAction(contactIdSchema, async (p, input) => {
  await resendMyCode(p, input.contactId);
  refresh();
  return { contactId: input.contactId };
});

export const removeContactAction = userAction(contactIdSchema, async (p, input) => {
  await removeMyContact(p, input.contactId);
  refresh();
  return { contactId: input.contactId };
});
