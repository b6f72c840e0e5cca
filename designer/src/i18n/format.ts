// Dates, date-times, numbers, money (EUR) and business-time spans in the reader's locale (nl-NL, en-GB),
// through Intl. Pure: the language is an argument.
import type { Language } from './i18n.ts';

export const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

type When = string | number | Date;
const asDate = (when: When) => (when instanceof Date ? when : new Date(when));

/** "5 January 2026" / "5 januari 2026". */
export function formatDate(when: When, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(asDate(when));
}

/** "5 Jan 2026, 09:30" / "5 jan 2026, 09:30" (24-hour clock in both). */
export function formatDateTime(when: When, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(asDate(when));
}

/** "1,234.5" / "1.234,5". */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}

/** "€1,234.50" / "€ 1.234,50". */
export function formatMoney(value: number, language: Language, currency = 'EUR'): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }).format(value);
}

const UNITS: Record<Language, { d: string; h: string; min: string; s: string }> = {
  en: { d: 'd', h: 'h', min: 'min', s: 's' },
  nl: { d: 'd', h: 'u', min: 'min', s: 's' },
};

/** Business time as people say it, like the engine's formatSpan: "2 h 30 min" / "2 u 30 min"; days with `withDays`. */
export function formatSpan(ms: number, language: Language, withDays = false): string {
  const unit = UNITS[language];
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  if (rest === 0) return `0 ${unit.min}`;
  const sizes: [number, string][] = [...(withDays ? [[86_400_000, unit.d] as [number, string]] : []), [3_600_000, unit.h], [60_000, unit.min], [1000, unit.s]];
  const parts: string[] = [];
  for (const [size, name] of sizes) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${name}`);
    rest -= count * size;
  }
  return parts.join(' ');
}
