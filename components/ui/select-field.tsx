/** A labelled <select> with hint and error tied to it, like Field. */
type Props = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  errors?: string[] | undefined;
  defaultValue?: string | undefined;
  required?: boolean;
};

export function SelectField({ name, label, options, hint, errors, defaultValue, required }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 text-[0.95rem] text-muted">
          {hint}
        </p>
      )}
      <select
        // remounted when its default changes: after a failed submit React resets the form,
        // and a select would otherwise fall back to its first default
        key={defaultValue ?? ""}
        id={name}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block w-full max-w-md rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${errorId ? "border-danger" : "border-gray-600"}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorId && (
        <p id={errorId} className="mt-1 font-semibold text-danger">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
