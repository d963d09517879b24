// Number and date formatting for the screen: Dutch (nl-NL: 1.234,5 and 1 oktober 2023) first,
// British English when the user switches language. Pure functions of (value, language), so the
// same rules hold in tables, captions, notes and unit tests. Charts use the matching d3 locales
// below, so an axis says 20.000 where the table says 20.000.
import type { Cell } from './types';

export type Lang = 'nl' | 'en';

const intlLocale: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** 1234.5 → "1.234,5" (nl) or "1,234.5" (en); at most two decimals, as the API rounds. */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, maximumFractionDigits).format(value);
}

/** Euros without cents: 1234567.8 → "€ 1.234.568" (nl). */
export function formatEuro(value: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale[lang], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
}

/** Parses YYYY-MM-DD as a calendar date (UTC midnight), or null. */
export function parseIsoDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Rejects 2023-02-30 and friends, which Date would silently roll over.
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? date : null;
}

/**
 * "2023-10-01" → "1 oktober 2023" (nl) or "1 October 2023" (en): day, month name, year in both
 * languages, the names from the d3 locales below (the same as the charts' axes). Not through
 * Intl.DateTimeFormat: its first use in a document costs 50–70 ms (loading ICU's date data), on
 * the path of every chart page's first drawing (subtitles say the date; docs/performance.md). As
 * written, a calendar date is a day, not an instant: no time zone can move it to 30 september.
 */
export function formatDate(iso: string, lang: Lang): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const months = d3TimeLocale[lang].months;
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** An instant such as "2026-11-22T06:40:00Z" as a date in the user's own time zone. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[lang], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** An instant as date and time in the user's own time zone: "22 november 2026 07:40:00". */
export function formatDateTime(iso: string, lang: Lang): string {
  // SQLite writes "2026-11-22 06:40:00" for UTC; read it as UTC, as the server means it.
  const normal = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(iso) ? `${iso.replace(' ', 'T')}Z` : iso;
  const date = new Date(normal);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** A table cell: numbers localised, dates written out, empty as an en dash (not as 0). */
export function formatCell(value: Cell, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (parseIsoDate(value)) return formatDate(value, lang);
  return value;
}

/** d3-format locales for Vega (axis labels, tooltips). */
export const d3FormatLocale: Record<Lang, Record<string, unknown>> = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
};

/** d3-time-format locales for Vega. */
export const d3TimeLocale: Record<Lang, Record<string, unknown> & { months: readonly string[] }> = {
  nl: {
    dateTime: '%a %e %B %Y %X',
    date: '%d-%m-%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    months: [
      'januari', 'februari', 'maart', 'april', 'mei', 'juni',
      'juli', 'augustus', 'september', 'oktober', 'november', 'december',
    ],
    shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  en: {
    dateTime: '%a %e %B %Y %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: [
      'January', 'February', 'March', 'April', 'May', 'June',
      'July', 'August', 'September', 'October', 'November', 'December',
    ],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};
