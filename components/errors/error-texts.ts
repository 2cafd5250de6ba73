/**
 * The words of the error pages (app/error.tsx, app/global-error.tsx). Plain data, in both
 * languages: these pages are shown when the server could not render a page — perhaps
 * because the database or the translations could not be read — so they take nothing
 * from the server, and pick the language the page was in (Russian by default).
 */
export const ERROR_TEXTS = {
  ru: {
    title: "Не удалось открыть страницу",
    lead: "Сервер не смог подготовить эту страницу. Чаще всего это ненадолго: сервер перегружен или база данных недоступна. Ничего из уже сохранённого не потеряно.",
    retry: "Попробовать ещё раз",
    home: "На главную",
    journal: "Отметки, которые вы вводили в журнал и которые ещё не сохранились, ждут на странице журнала и отправятся сами.",
    code: "Код ошибки для администратора",
  },
  en: {
    title: "The page could not be opened",
    lead: "The server could not prepare this page. Usually this passes soon: the server is busy or the database cannot be reached. Nothing already saved is lost.",
    retry: "Try again",
    home: "Home page",
    journal: "Marks you typed in the journal that were not saved yet wait on the journal's page and will be sent by themselves.",
    code: "Error code for the administrator",
  },
} as const;

export function errorTexts(lang: string | undefined) {
  return lang === "en" ? ERROR_TEXTS.en : ERROR_TEXTS.ru;
}
