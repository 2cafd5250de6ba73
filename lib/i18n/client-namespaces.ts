/**
 * The message namespaces the browser gets (issue 7: the diary on the phone). Server
 * components translate on the server with every message (lib/i18n/request.ts); client
 * components (a "use client" module and whatever it imports) read theirs from
 * NextIntlClientProvider (components/i18n/client-intl.tsx, in the layouts of the parts
 * that have such components), which serialises what it is given into the page. So it is
 * given only these: the namespaces client code passes to useTranslations.
 *
 * A new useTranslations("…") in client code needs its namespace here, or the browser
 * shows the key instead of the text: tests/unit/i18n-client-namespaces.test.ts scans the
 * sources and fails until it is added (and when an entry is no longer used).
 */
export const CLIENT_NAMESPACES: readonly string[] = [
  // sign-in, invitation, first set-up
  "login",
  "invite",
  "setup",
  // the family's diary: its settings pages and the offline diary (the menu, «a new version» and
  // «no connection» are translated on the server: the diary's pages load no translation runtime)
  "pwa.push",
  "notify.contacts",
  "notify.prefs",
  "displaySettings",
  "offline",
  "diary.week",
  // the teacher's journal
  "grid",
  "lesson",
  "plan",
  "finals",
  // the school's administration
  "calendar",
  "periods",
  "settings",
  "rollover",
  "import.upload",
  "import.report",
  "oneroster.upload",
  "oneroster.delta",
];

type Messages = Record<string, unknown>;

const isObject = (v: unknown): v is Messages => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a listed namespace gives a client component the namespace it asks for. */
export function coversNamespace(listed: string, used: string): boolean {
  return used === listed || used.startsWith(`${listed}.`);
}

/** The messages under the given namespaces (dotted paths), whole; nothing else. The input is not changed. */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  // a namespace inside another listed one comes with it
  const outer = namespaces.filter((n) => !namespaces.some((m) => m !== n && coversNamespace(m, n)));
  const picked: Messages = {};
  for (const namespace of new Set(outer)) {
    const path = namespace.split(".");
    const last = path.pop() ?? "";
    let from: unknown = messages;
    for (const key of [...path, last]) from = isObject(from) ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path) {
      const next = into[key];
      into = isObject(next) ? next : (into[key] = {});
    }
    into[last] = from;
  }
  return picked;
}

/** What NextIntlClientProvider passes to the browser. */
export function clientMessages(messages: Messages): Messages {
  return pickNamespaces(messages, CLIENT_NAMESPACES);
}
