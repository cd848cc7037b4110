/** The language numbers and dates are written in: VS Code's display language, set once by core. */
let displayLocale = 'en-US';

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale?.trim() || 'en-US';
}

export function currentLocale(): string {
  return displayLocale;
}
