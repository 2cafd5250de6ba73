/**
 * A form's onSubmit that stops a file over `maxBytes` before it is sent (minutes of
 * uploading on a slow school line, only to be refused), and tells the form whether it did.
 */
export function refuseLargeFile(maxBytes: number, setTooBig: (big: boolean) => void, field = "file") {
  return (e: React.FormEvent<HTMLFormElement>) => {
    const input = e.currentTarget.elements.namedItem(field);
    const big = input instanceof HTMLInputElement && (input.files?.[0]?.size ?? 0) > maxBytes;
    setTooBig(big);
    if (big) e.preventDefault();
  };
}
