import type { Database } from '~/db/client.server'
import { currencies } from '~/money/currency'
import { calendarDateIn } from '~/calendar/calendar-date'
import { loadFilingTimeReturn } from '~/industrial-return/views/filing-time.server'
import { policyInForce } from '~/workflow/signature-policy'
import { findRatesOn } from '~/money/exchange-rates.server'
import { loadPolicies } from './signature-policy.server'
import { loadRegisterForFiling } from '~/industrial-return/suppliers/load-register-for-filing.server'

/** What the filing form offers and needs for its live preview: lists, today's rates and policy. */
export async function loadFormOptions(db: Database, now: Date) {
  const today = calendarDateIn(now)
  const [groups, countries, rates, policies, filingTimeReturn] = await Promise.all([
    db.group.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.country.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true, membership: true } }),
    findRatesOn(db, currencies, today),
    loadPolicies(db),
    loadFilingTimeReturn(db, now),
  ])
  const policy = policyInForce(policies, today)
  const supplierRegister = await loadRegisterForFiling(db, filingTimeReturn)
  return { groups, countries, currencies: [...currencies], rates, policy, today, filingTimeReturn, supplierRegister }
}

export type FormOptions = Awaited<ReturnType<typeof loadFormOptions>>
