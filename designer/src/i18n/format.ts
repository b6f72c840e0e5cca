// Dates, date-times, numbers and business-time spans in the reader's locale (nl-NL, en-GB), through Intl
// and the engine's formatSpan. Pure: the language is an argument.
import { formatSpan as engineSpan, type SpanUnits } from '../../../runtime/engine/index.ts';
import type { Language } from './i18n.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

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

/** The span units of a language other than the engine's English: Dutch says hours as "u" (uur). */
const UNITS: Partial<Record<Language, SpanUnits>> = {
  nl: { d: 'd', h: 'u', min: 'min', s: 's' },
};

/** Business time as people say it, by the engine's formatSpan: "2 h 30 min" / "2 u 30 min"; days with `withDays`. */
export function formatSpan(ms: number, language: Language, withDays = false): string {
  return engineSpan(ms, withDays, UNITS[language]);
}
