"use client";
/** A page that failed to render (its layout stands): see components/errors/error-panel.tsx. */
import { ErrorPanel } from "@/components/errors/error-panel";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel digest={error.digest} reset={reset} />;
}
