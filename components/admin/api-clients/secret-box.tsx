"use client";

/**
 * The one showing of a secret — a client's key, or a webhook's signing secret: a boxed
 * warning that it will not be shown again, the values in read-only monospace fields (a
 * click selects the whole value) with copy buttons. Focus moves to its heading when it
 * appears, so a screen reader user hears the warning first.
 */
import { useEffect, useId, useRef, useState } from "react";

import { fill, type CopyLabels, type SecretLabels } from "@/components/admin/api-clients/labels";

export type ShownSecret = { name: string; clientId: string; secret: string };
export type SecretField = { key: string; label: string; value: string };

/** A client's key: its client_id and client_secret. */
export function SecretBox({ shown, labels }: { shown: ShownSecret; labels: SecretLabels }) {
  return (
    <SecretFieldsBox
      title={fill(labels.title, { name: shown.name })}
      warning={labels.warning}
      labels={labels}
      fields={[
        { key: "id", label: labels.clientId, value: shown.clientId },
        { key: "secret", label: labels.secret, value: shown.secret },
      ]}
    />
  );
}

export function SecretFieldsBox({ title, warning, fields, labels }: { title: string; warning: string; fields: SecretField[]; labels: CopyLabels }) {
  const base = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string>("");

  // a new secret (a second save) is announced again
  const secretValue = fields.map((f) => f.value).join("\n");
  useEffect(() => {
    headingRef.current?.focus();
  }, [secretValue]);

  const copy = async (value: string, field: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(`${field}: ${labels.copied}`);
    } catch {
      setCopied(labels.copyFailed);
    }
  };

  return (
    <section aria-labelledby={`${base}-title`} className="my-4 max-w-3xl rounded border-4 border-danger bg-red-50 p-4">
      <h3 id={`${base}-title`} ref={headingRef} tabIndex={-1} className="mb-2 text-lg font-bold">
        {title}
      </h3>
      <p id={`${base}-warning`} className="mb-4 font-semibold">
        {warning}
      </p>
      {fields.map((f) => {
        const id = `${base}-${f.key}`;
        return (
          <div key={f.key} className="mb-3">
            <label htmlFor={id} className="mb-1 block font-semibold">
              {f.label}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id={id}
                type="text"
                readOnly
                value={f.value}
                spellCheck={false}
                autoComplete="off"
                aria-describedby={`${base}-warning`}
                onFocus={(e) => e.currentTarget.select()}
                className="block w-full max-w-xl rounded border-2 border-gray-600 bg-white px-3 py-2 font-mono text-[1.0625rem]"
              />
              <button
                type="button"
                onClick={() => void copy(f.value, f.label)}
                aria-label={fill(labels.copyField, { field: f.label })}
                className="rounded border-2 border-accent bg-white px-4 py-2 font-semibold text-accent hover:bg-blue-50"
              >
                {labels.copy}
              </button>
            </div>
          </div>
        );
      })}
      <p role="status" className="min-h-6">
        {copied}
      </p>
    </section>
  );
}
