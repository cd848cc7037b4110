import { currentLocale } from './locale';

/** Made on first need, for the locale it was made in: the first Intl.NumberFormat costs some 20 ms (ICU start-up). */
let numbers: { locale: string; format: Intl.NumberFormat } | undefined;

/**
 * A count as the display language writes it: `1,234,567` in English, `1.234.567` in German.
 * English whole numbers, which record counts are, are grouped here directly, so the first rows
 * appear without waiting for Intl to start.
 */
export function formatCount(value: number): string {
  const locale = currentLocale();
  if (Number.isSafeInteger(value) && /^en(-|$)/i.test(locale)) {
    return (value < 0 ? '-' : '') + String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  if (numbers?.locale !== locale) numbers = { locale, format: new Intl.NumberFormat(locale) };
  return numbers.format.format(value);
}
