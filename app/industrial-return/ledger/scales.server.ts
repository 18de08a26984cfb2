/** Contribution scales: entered per year in a page or imported by CSV, validated, then alerts refreshed. */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, Transaction } from '~/db/client.server'
import { minorToNullableColumn } from '~/money/minor-units'
import { errorFields, log } from '~/server/logger.server'
import { refreshReturnAlerts } from '../alerts/refresh-return-alerts.server.ts'
import { firstLineWithNul } from '~/csv/read-csv'
import { message } from '~/i18n/message'
import { parseContributionsCsv } from './scale-csv.ts'
import { validateContributionScale, type ScaleIssue } from '../arithmetic/scale-validation.ts'
import { loadCountries } from '../views/return-inputs.server.ts'
import { membershipsOfYear } from '../arithmetic/membership.ts'
import { loadMembershipHistory } from '../membership/membership-history.server.ts'

export type ScaleSaveOutcome = { ok: true; years: number[]; warnings: ScaleIssue[] } | { ok: false; errors: ScaleIssue[]; warnings: ScaleIssue[] }

type Actor = { actorId: string | null; now: Date; origin?: RequestOrigin; appUrl: string }
type ScaleToSave = { year: number; budgetChfMinor: number | null; rows: { countryCode: string; percent: string; line?: number }[]; source: string; isDemo?: boolean }

async function writeScale(tx: Transaction, scale: ScaleToSave & { shares: { countryCode: string; percent: string }[] }, via: 'form' | 'csv', actor: Actor) {
  const existing = await tx.contributionScale.findUnique({ where: { year: scale.year }, select: { year: true } })
  const data = {
    budgetChfMinor: minorToNullableColumn(scale.budgetChfMinor),
    shares: scale.shares,
    source: scale.source,
    isDemo: scale.isDemo ?? false,
    updatedById: actor.actorId,
  }
  await tx.contributionScale.upsert({ where: { year: scale.year }, create: { year: scale.year, ...data }, update: data })
  await appendAuditEvent(tx, {
    type: 'CONTRIBUTION_SCALE_SAVED',
    actorId: actor.actorId,
    subject: `scale:${scale.year}`,
    payload: { year: scale.year, countries: scale.shares.length, budgetChfMinor: scale.budgetChfMinor, source: scale.source, replaced: existing !== null, via },
    origin: actor.origin,
    at: actor.now,
  })
}

/** Validates every scale first, against the membership in force in its year; saves all of them or none. */
export async function saveContributionScales(db: Database, scales: readonly ScaleToSave[], via: 'form' | 'csv', actor: Actor): Promise<ScaleSaveOutcome> {
  const [allCountries, history] = await Promise.all([loadCountries(db), loadMembershipHistory(db)])
  const errors: ScaleIssue[] = []
  const warnings: ScaleIssue[] = []
  const valid: (ScaleToSave & { shares: { countryCode: string; percent: string }[] })[] = []
  for (const scale of scales) {
    const countries = membershipsOfYear(allCountries, history, scale.year)
    const result = validateContributionScale({ year: scale.year, budgetChfMinor: scale.budgetChfMinor, rows: scale.rows }, { countries })
    warnings.push(...result.warnings)
    if (result.ok) valid.push({ ...scale, shares: [...result.scale.shares] })
    else errors.push(...result.errors)
  }
  if (errors.length > 0 || valid.length === 0) return { ok: false, errors, warnings }
  await db.$transaction(async (tx) => {
    for (const scale of valid) await writeScale(tx, scale, via, actor)
  })
  const years = valid.map((s) => s.year)
  try {
    await refreshReturnAlerts(db, { now: actor.now, cause: `Contribution scale ${years.join(', ')} saved`, appUrl: actor.appUrl, actorId: actor.actorId, origin: actor.origin })
  } catch (error) {
    log.error('industrial-return alerts not refreshed after a scale', { years, ...errorFields(error) })
  }
  return { ok: true, years, warnings }
}

/** A CSV in the format of shared/data/contributions-2009.csv; a budget may be given when the file holds one year. */
export async function importContributionScalesCsv(
  db: Database,
  text: string,
  { source, budgetChfMinor }: { source: string; budgetChfMinor: number | null },
  actor: Actor,
): Promise<ScaleSaveOutcome> {
  if (source.includes('\u0000')) {
    return { ok: false, errors: [{ line: null, countryCode: null, message: message('return-data:scales.errors.nulInSource') }], warnings: [] }
  }
  const nulLine = firstLineWithNul(text.split(/\r?\n/))
  if (nulLine !== null) return { ok: false, errors: [{ line: nulLine, countryCode: null, message: message('return-data:scales.errors.nul', { line: nulLine }) }], warnings: [] }
  const parsed = parseContributionsCsv(text)
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors.map((e) => ({ line: e.line, countryCode: null, message: e.message })), warnings: [] }
  if (parsed.scales.length === 0) return { ok: false, errors: [{ line: null, countryCode: null, message: message('return-data:scales.errors.noRow') }], warnings: [] }
  if (budgetChfMinor !== null && parsed.scales.length > 1) {
    return { ok: false, errors: [{ line: null, countryCode: null, message: message('return-data:scales.errors.budgetSingleYear') }], warnings: [] }
  }
  return saveContributionScales(
    db,
    parsed.scales.map((scale) => ({ year: scale.year, rows: scale.rows, budgetChfMinor, source })),
    'csv',
    actor,
  )
}
