/** A labelled file input with its hint and error tied by aria-describedby, like Field. */
export function FileField({ name, label, hint, accept, errors }: { name: string; label: string; hint?: string; accept: string; errors?: string[] | undefined }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 max-w-md text-[0.95rem] text-muted">
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block w-full max-w-md rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${errorId ? "border-danger" : "border-gray-600"}`}
      />
      {errorId && (
        <p id={errorId} className="mt-1 font-semibold text-danger">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
