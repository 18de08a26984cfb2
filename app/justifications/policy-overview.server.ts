import { calendarDateIn } from '~/calendar/calendar-date'
import { isoDateOfColumn } from '~/calendar/date-column'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { rateValidOn } from '~/money/rate-on-date'
import { policyInForce, type PolicyTier } from '~/workflow/signature-policy'
import { loadPolicies } from './signature-policy.server'

// The policy page: signature policy versions and exchange rates.

export type PolicyVersionItem = {
  version: number
  effectiveFrom: string
  tiers: PolicyTier[]
  splitPurchaseWindowDays: number
  /** Above this CHF amount a supplier's quote is expected. */
  quoteExpectedAboveChfMinor: number
  state: 'in-force' | 'scheduled' | 'past'
  publishedBy: string | null
  publishedAt: string
}

export type ExchangeRateItem = { id: string; currency: string; validFrom: string; chfPerUnit: string; inUseToday: boolean; setBy: string | null }

/** Every policy version (newest first) saying which is in force today, and procurement's rate table. */
export async function loadPolicyOverview(db: DatabaseOrTransaction, now: Date) {
  const today = calendarDateIn(now)
  const [policies, rows, rates] = await Promise.all([
    loadPolicies(db),
    db.signaturePolicy.findMany({ select: { version: true, publishedById: true, createdAt: true } }),
    db.exchangeRate.findMany({ orderBy: [{ currency: 'asc' }, { validFrom: 'desc' }] }),
  ])
  const peopleIds = [...new Set([...rows.map((r) => r.publishedById), ...rates.map((r) => r.createdById)].filter((id): id is string => id !== null))]
  const people = new Map((await db.person.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]))
  const inForce = policyInForce(policies, today)
  const meta = new Map(rows.map((row) => [row.version, row]))
  const versions: PolicyVersionItem[] = policies
    .map((policy) => ({
      version: policy.version,
      effectiveFrom: policy.effectiveFrom,
      tiers: policy.tiers,
      splitPurchaseWindowDays: policy.splitPurchaseWindowDays,
      quoteExpectedAboveChfMinor: policy.quoteExpectedAboveChfMinor,
      state: policy.version === inForce?.version ? ('in-force' as const) : policy.effectiveFrom > today ? ('scheduled' as const) : ('past' as const),
      publishedBy: people.get(meta.get(policy.version)?.publishedById ?? '') ?? null,
      publishedAt: (meta.get(policy.version)?.createdAt ?? now).toISOString(),
    }))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : b.version - a.version))
  const table = rates.map((rate) => ({ id: rate.id, currency: rate.currency, validFrom: isoDateOfColumn(rate.validFrom), chfPerUnit: rate.chfPerUnit, createdById: rate.createdById }))
  const rateItems: ExchangeRateItem[] = table.map((rate) => ({
    id: rate.id,
    currency: rate.currency,
    validFrom: rate.validFrom,
    chfPerUnit: rate.chfPerUnit,
    // The same rule filing uses: one (currency, validFrom) row per day, so the dates identify the row.
    inUseToday: rateValidOn(table, rate.currency, today)?.validFrom === rate.validFrom,
    setBy: rate.createdById ? (people.get(rate.createdById) ?? null) : null,
  }))
  return { today, versions, inForce: versions.find((v) => v.state === 'in-force') ?? null, rates: rateItems }
}
