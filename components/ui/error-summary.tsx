/**
 * The message at the top of a form after a failed submit; announced by screen readers
 * and named by its title, so it can be found among the page's other live regions.
 */
import { useId } from "react";

export function ErrorSummary({ title, message }: { title: string; message: string | undefined }) {
  const id = useId();
  if (!message) return null;
  return (
    <div role="alert" aria-labelledby={id} className="mb-5 max-w-md rounded border-2 border-danger bg-red-50 p-3">
      <p id={id} className="font-bold text-danger">
        {title}
      </p>
      <p>{message}</p>
    </div>
  );
}
