/** Months and quarters of the organisation's calendar, as keys ("2026-11", "2026-Q4") and labels. Client-safe. */
import { calendarDateIn } from './calendar-date.ts'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export type PeriodLength = 'MONTHLY' | 'QUARTERLY'

/** The month or quarter an instant falls in, as the calendar reads in Geneva: "2026-11" / "November 2026", "2026-Q4" / "Q4 2026". */
export function calendarPeriodOf(now: Date, frequency: PeriodLength): { key: string; label: string } {
  const [year = '', month = ''] = calendarDateIn(now).split('-')
  const monthNumber = Number(month)
  if (frequency === 'QUARTERLY') {
    const quarter = Math.floor((monthNumber - 1) / 3) + 1
    return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` }
  }
  return { key: `${year}-${month}`, label: `${MONTHS[monthNumber - 1]} ${year}` }
}
