/**
 * Reminder and escalation delays are counted in working days (Monday to Friday). Public holidays
 * are not modelled: a reminder may come a day early around one.
 */

/** `start` moved forward by `days` working days, keeping its time of day; weekend days do not count. */
export function addWorkingDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of working days: ${days}`)
  const result = new Date(start.getTime())
  let remaining = days
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + 1)
    const weekday = result.getUTCDay()
    if (weekday !== 0 && weekday !== 6) remaining--
  }
  return result
}

/** Have `days` working days passed since `start`, at `now`? */
export function workingDaysHavePassed(start: Date, days: number, now: Date): boolean {
  return addWorkingDays(start, days).getTime() <= now.getTime()
}
