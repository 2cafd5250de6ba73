/**
 * What every form field shares: the label, the hint and the error, tied to the control
 * by aria-describedby so a screen reader reads them together. The control itself is
 * rendered by the caller with the props this gives it.
 */
export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  /** the border colour that marks an error */
  borderClass: string;
};

export function FieldShell({ name, label, hint, errors, children }: {
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: string[] | undefined;
  children: (control: ControlProps) => React.ReactNode;
}) {
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
      {children({
        id: name,
        name,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        borderClass: errorId ? "border-danger" : "border-gray-600",
      })}
      {errorId && (
        <p id={errorId} className="mt-1 font-semibold text-danger">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
