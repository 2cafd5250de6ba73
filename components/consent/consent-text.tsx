/** A consent text as readable paragraphs; a paragraph's later lines («— …») stay lines of their own. */
import { consentParagraphs } from "@/lib/consent/default-text";

export function ConsentTextBody({ body }: { body: string }) {
  return (
    <div className="max-w-3xl space-y-4 text-[1.125rem] leading-relaxed">
      {consentParagraphs(body).map((lines, i) => (
        <p key={i}>
          {lines.map((l, j) => (
            <span key={j} className="block">
              {l}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
