/**
 * Gives the client components below it their messages (NextIntlClientProvider with only
 * the namespaces client code uses: lib/i18n/client-namespaces.ts), or only `namespaces`
 * when given. It wraps each part of the app that has translated client components, not
 * the whole app: the family's diary pages render their few client texts on the server
 * and pass them as props, so next-intl's client runtime (its message parser included)
 * is not in the JavaScript a parent's phone loads for the diary (issue 7's budget).
 */
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

import { clientMessages, pickNamespaces } from "@/lib/i18n/client-namespaces";

export async function ClientIntl({ children, namespaces }: { children: React.ReactNode; namespaces?: readonly string[] }) {
  const messages = clientMessages(await getMessages());
  return <NextIntlClientProvider messages={namespaces ? pickNamespaces(messages, namespaces) : messages}>{children}</NextIntlClientProvider>;
}
