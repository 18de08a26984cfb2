/** One Industry Day for its edit page, with the countries the form offers. */
import type { Database } from '~/db/client.server'
import { loadCountries } from '../views/return-inputs.server.ts'
import { companiesText } from './industry-day-form.ts'
import { readIndustryDay } from './industry-day-rows.server.ts'

export async function loadIndustryDay(db: Database, id: string) {
  const day = await readIndustryDay(db, id)
  if (!day) return null
  return { ...day, companies: companiesText(day.invitations) }
}

/** The countries a day may be dedicated to and companies counted for: every country the organisation knows. */
export async function loadIndustryDayCountries(db: Database) {
  return (await loadCountries(db)).map(({ code, name, membership }) => ({ code, name, membership }))
}
