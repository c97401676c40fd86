// A calendar day as people type it: 2026-12-05, 2026/12/5, 2026.12.05, 2026年12月5日 (year first,
// in numbers, as both UI languages write them) or Dec 5, 2026 (how the English UI shows a day).
// Returns the ISO day, or null when the text is not a day that exists (2026-02-30 is null, not
// March 2nd). Month-first numbers (12/05/2026) are refused: they read differently by country.
const yearMonthDay = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;
const monthNameDayYear = /^\s*([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\s*$/i;
const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOfName(name: string): number {
  const lower = name.toLowerCase();
  const index = monthNames.findIndex((prefix) => lower.startsWith(prefix));
  const isKnownSpelling =
    lower.length === 3 ||
    lower === "sept" ||
    /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(lower);
  return index >= 0 && isKnownSpelling ? index + 1 : 0;
}

export function parseTypedDay(text: string): string | null {
  const numeric = yearMonthDay.exec(text);
  const named = numeric ? null : monthNameDayYear.exec(text);
  if (!numeric && !named) return null;
  const [year, month, day] = numeric
    ? [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])]
    : [Number(named![3]), monthOfName(named![1]!), Number(named![2])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The ISO day as a Date at UTC midnight, for formatting with `timeZone: "UTC"` and for calendars. */
export function dateOfIsoDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}
