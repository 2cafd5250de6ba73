/**
 * «Замена: Иванова А. П. вместо Петровой М. И.»: after «вместо» a Russian surname is in
 * the genitive. Only the surname changes (initials stay); surnames of the common Russian
 * patterns are declined by their ending, which also tells the gender; any other surname
 * is left as it is — an undeclined name is still understood, a wrongly declined one is not.
 */
const RULES: readonly [RegExp, string][] = [
  // women: Петрова → Петровой, Ильина → Ильиной, Вяземская → Вяземской, Толстая → Толстой
  [/(ов|ев|ёв|ин|ын)а$/u, "$1ой"],
  [/(ск|цк)ая$/u, "$1ой"],
  [/ая$/u, "ой"],
  // men: Петров → Петрова, Ильин → Ильина, Вяземский → Вяземского, Толстой → Толстого
  [/(ов|ев|ёв|ин|ын)$/u, "$1а"],
  [/(ск|цк)ий$/u, "$1ого"],
  [/([^аеёиоуыэюяь])ый$/u, "$1ого"],
  [/ой$/u, "ого"],
];

export function surnameGenitive(surname: string): string {
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(surname)) return surname.replace(pattern, replacement);
  }
  return surname;
}

/** «Петрова М. И.» → «Петровой М. И.»; a double surname declines both parts. */
export function shortNameGenitive(name: string): string {
  const [surname = "", ...rest] = name.split(" ");
  const declined = surname
    .split("-")
    .map((part) => surnameGenitive(part))
    .join("-");
  return [declined, ...rest].join(" ");
}
