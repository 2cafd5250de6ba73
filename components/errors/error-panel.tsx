"use client";
/**
 * What a page that failed to render shows instead: what happened in plain words, that
 * saved data is safe, a button to try again and the way home, and the error's digest for
 * the administrator (it names the server log entry; no stack, no SQL ever reaches here).
 */
import { useSyncExternalStore } from "react";

import { errorTexts } from "@/components/errors/error-texts";

const noSubscribe = () => () => undefined;

export function ErrorPanel({ digest, reset }: { digest?: string; reset: () => void }) {
  // the page's language, read in the browser (the server could not tell us)
  const lang = useSyncExternalStore(noSubscribe, () => document.documentElement.lang, () => "ru");
  const t = errorTexts(lang);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-3">{t.lead}</p>
      <p className="mt-3">{t.journal}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded border-2 border-accent bg-accent px-4 py-2 font-semibold text-white">
          {t.retry}
        </button>
        {/* a full navigation: the app's own router may be what failed */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above */}
        <a href="/" className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent underline">
          {t.home}
        </a>
      </div>
      {digest && (
        <p className="mt-6 text-sm">
          {t.code}: <code>{digest}</code>
        </p>
      )}
    </main>
  );
}
