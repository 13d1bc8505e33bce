/**
 * When, in a sentence typed into search: "today", "yesterday", "last week" and "past month" (the
 * last 7 or 30 days), "last 30 days", "this week/month/year", "since March", "since March 2025",
 * "since 2025", "in 2025", "in March". Relative to the clock given, in local time (the designer's
 * day), whole days from midnight; a month named without a year is the latest one not in the future.
 */
const MONTHS = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const DAYS_IN: Record<string, number> = {
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
  year: 365,
  years: 365,
};

/** Times in ms since 1970: on or after `after`, before `before`; either may be open. */
export interface DateRange {
  after?: number;
  before?: number;
}

/** The range the words at `i` name, and how many words they take; null when they name none. */
export function dateRangeAt(
  tokens: readonly string[],
  i: number,
  now: number,
): { range: DateRange; length: number } | null {
  const [word, next, third] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  const today = new Date(now);
  const day = (offset: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset).getTime();
  if (word === 'today') return { range: { after: day(0) }, length: 1 };
  if (word === 'yesterday') return { range: { after: day(-1), before: day(0) }, length: 1 };
  if (word === 'last' || word === 'past') {
    if (next in DAYS_IN) return { range: { after: day(-DAYS_IN[next]) }, length: 2 };
    const count = Number(next);
    if (/^\d{1,4}$/.test(next ?? '') && third in DAYS_IN)
      return { range: { after: day(-count * DAYS_IN[third]) }, length: 3 };
  }
  if (word === 'this') {
    const start = { week: day(-((today.getDay() + 6) % 7)), month: monthStart(today.getFullYear(), today.getMonth()) };
    if (next === 'week' || next === 'month') return { range: { after: start[next] }, length: 2 };
    if (next === 'year') return { range: { after: monthStart(today.getFullYear(), 0) }, length: 2 };
  }
  if (word !== 'since' && word !== 'in') return null;
  const year = yearOf(next);
  if (year !== null)
    return {
      range: { after: monthStart(year, 0), ...(word === 'in' && { before: monthStart(year + 1, 0) }) },
      length: 2,
    };
  const month = MONTHS.findIndex((names) => names.includes(next ?? ''));
  if (month < 0) return null;
  const namedYear = yearOf(third);
  const latest = month > today.getMonth() ? today.getFullYear() - 1 : today.getFullYear();
  const from = namedYear ?? latest;
  const range = { after: monthStart(from, month), ...(word === 'in' && { before: monthStart(from, month + 1) }) };
  return { range, length: namedYear === null ? 2 : 3 };
}

/** A range as an ISO 8601 interval, an open end left empty ("2026-11-30T00:00:00.000Z/"). */
export function intervalOf(range: DateRange): string {
  const iso = (time: number | undefined) => (time === undefined ? '' : new Date(time).toISOString());
  return `${iso(range.after)}/${iso(range.before)}`;
}

function monthStart(year: number, month: number): number {
  return new Date(year, month, 1).getTime();
}

function yearOf(word: string | undefined): number | null {
  return word && /^(19|20)\d\d$/.test(word) ? Number(word) : null;
}
