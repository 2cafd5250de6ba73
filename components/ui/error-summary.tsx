/** The message at the top of a form after a failed submit; announced by screen readers. */
export function ErrorSummary({ title, message }: { title: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="mb-5 max-w-md rounded border-2 border-danger bg-red-50 p-3">
      <p className="font-bold text-danger">{title}</p>
      <p>{message}</p>
    </div>
  );
}
