/**
 * A labelled form field with its hint and error tied to it by aria-describedby, so a
 * screen reader reads the label, the hint and the error together.
 */
type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "password";
  hint?: string;
  errors?: string[] | undefined;
  defaultValue?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  spellCheck?: boolean;
  autoCapitalize?: string;
};

export function Field({ name, label, type = "text", hint, errors, defaultValue, autoComplete, required, autoFocus, spellCheck, autoCapitalize }: FieldProps) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
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
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        autoFocus={autoFocus}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full max-w-md rounded border-2 px-3 py-2 text-[1.125rem] ${errorId ? "border-danger" : "border-gray-600"}`}
      />
      {errorId && (
        <p id={errorId} className="mt-1 font-semibold text-danger">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
