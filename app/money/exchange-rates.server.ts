/**
 * Procurement's exchange-rate table: reading the rate valid on a date (filing, the filing form's
 * preview, awards, imports) and setting one (the policy page). Which row is valid on a date is decided
 * by `rateValidOn`, the one rule, whether one row or the whole table is read.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import { parseRate, type ExchangeRate } from './conversion.ts'
import type { Currency } from './currency.ts'
import { rateValidOn, type RateEntry } from './rate-on-date.ts'

export type RateOnDate = { rate: ExchangeRate; validFrom: string }

const asEntry = (row: { currency: string; validFrom: Date; chfPerUnit: string }): RateEntry => ({
  currency: row.currency,
  validFrom: isoDateOfColumn(row.validFrom),
  chfPerUnit: row.chfPerUnit,
})

/** The whole table, for work that looks up many rows at once (a contract import). */
export async function loadRateTable(db: DatabaseOrTransaction): Promise<RateEntry[]> {
  const rows = await db.exchangeRate.findMany({ select: { currency: true, validFrom: true, chfPerUnit: true } })
  return rows.map(asEntry)
}

/** The rate valid on a date, parsed; null when the table has none on or before it. */
export async function findRateOn(db: DatabaseOrTransaction, currency: Currency, isoDate: string): Promise<RateOnDate | null> {
  const candidates =
    currency === 'CHF'
      ? []
      : await db.exchangeRate.findMany({ where: { currency, validFrom: { lte: dateColumn(isoDate) } }, orderBy: { validFrom: 'desc' }, take: 1 })
  const valid = rateValidOn(candidates.map(asEntry), currency, isoDate)
  if (!valid) return null
  const parsed = parseRate(valid.chfPerUnit)
  if (!parsed.ok) throw new Error(`Stored exchange rate for ${currency} is invalid: ${parsed.message}`)
  return { rate: parsed.rate, validFrom: valid.validFrom }
}

/** Every currency's rate valid on a date, as text, for the filing form's live CHF preview. */
export async function findRatesOn(db: DatabaseOrTransaction, currencies: readonly Currency[], isoDate: string): Promise<Record<string, string>> {
  const entries = await Promise.all(currencies.map(async (currency) => [currency, (await findRateOn(db, currency, isoDate))?.rate.text ?? null] as const))
  return Object.fromEntries(entries.filter((entry): entry is readonly [Currency, string] => entry[1] !== null))
}

/** Sets (or corrects) the rate of a currency from a date on, with its audit event. */
export async function setExchangeRate(
  db: Database,
  input: { currency: Currency; validFrom: string; chfPerUnit: string },
  actor: { id: string; origin: RequestOrigin },
) {
  return db.$transaction(async (tx) => {
    const rate = await tx.exchangeRate.upsert({
      where: { currency_validFrom: { currency: input.currency, validFrom: dateColumn(input.validFrom) } },
      create: { currency: input.currency, validFrom: dateColumn(input.validFrom), chfPerUnit: input.chfPerUnit, createdById: actor.id },
      update: { chfPerUnit: input.chfPerUnit, createdById: actor.id },
    })
    await appendAuditEvent(tx, { type: 'EXCHANGE_RATE_SET', actorId: actor.id, subject: 'exchange-rates', payload: input, origin: actor.origin })
    return rate
  })
}
