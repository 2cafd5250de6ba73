/**
 * How to add the address to a phone, step by step: Google Calendar (an Android phone
 * adds a calendar by address only through the web version) and an iPhone's subscribed
 * calendar. Plain server-rendered lists; the words come from the page.
 */
export type CalendarHelpTexts = { androidTitle: string; androidSteps: string[]; iphoneTitle: string; iphoneSteps: string[]; delay: string };

function Steps({ id, title, steps }: { id: string; title: string; steps: string[] }) {
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="text-lg font-bold">
        {title}
      </h3>
      <ol className="mt-1 list-decimal space-y-1 pl-6">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </section>
  );
}

export function CalendarHelp({ texts }: { texts: CalendarHelpTexts }) {
  return (
    <div>
      <Steps id="calendar-android" title={texts.androidTitle} steps={texts.androidSteps} />
      <Steps id="calendar-iphone" title={texts.iphoneTitle} steps={texts.iphoneSteps} />
      <p className="mt-4">{texts.delay}</p>
    </div>
  );
}
