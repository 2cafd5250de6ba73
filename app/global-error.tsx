"use client";
/**
 * The root layout itself failed (it reads the session from the database: with the
 * database down, this is what everyone sees). It replaces the whole document, so it
 * brings its own <html> and the app's styles.
 */
import { ErrorPanel } from "@/components/errors/error-panel";

import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ru">
      <body className="min-h-screen bg-white text-[1.0625rem]">
        <ErrorPanel digest={error.digest} reset={reset} />
      </body>
    </html>
  );
}
