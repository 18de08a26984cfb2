/**
 * Display helpers shared by the industrial return's pages (client-safe). Words come from the
 * `industrial-return` namespace through the reader's `t`; the figures do not change with the language.
 *
 * Numbers in French (issue 14): coefficients, percentages and band lines keep the decimal point in
 * both languages ("0.39", "12.34%"), the one rule of the app's amounts (app/money/amount.ts writes
 * "10’000.50 CHF" in French too, ADR 046). Intl's fr-CH would write "0,39" and "12,34%" (ICU 78,
 * CLDR 48), so a French table would show an amount with a point beside a coefficient with a comma,
 * and the policy form, which reads band lines and ceilings with a point ("0.40", "BR 2024 1.50"),
 * would read differently from what the page writes. The figures stay the strings the pure
 * arithmetic makes (coefficient-format.ts, ADR 039: two decimals, never rounded across a band line).
 */
import type { TFunction } from 'i18next'
import type { Band, Category } from '../arithmetic/bands.ts'
import type { NoCoefficientReason } from '../arithmetic/coefficients.ts'
import type { ContributionMethod } from '../arithmetic/contribution-share.ts'
import type { WindowCoverage } from '../arithmetic/window-coverage.ts'
import { formatWindow } from '../arithmetic/window.ts'
import { translateMessage } from '~/i18n/message'

/** The reader's messages of the industrial return (from `useTranslation('industrial-return')` or `translatorFor`). */
export type ReturnT = TFunction<'industrial-return'>

/**
 * Machine names of the categories, lowercase: file names of the CSV export, and the pages of the
 * contracts and awards (return-data) until they read `categoryName`. Not for words on a page.
 */
export const CATEGORY_LABELS: Record<Category, string> = { SUPPLIES: 'supplies', SERVICES: 'services' }

/** "supplies" / "fournitures", as inside a sentence. */
export const categoryName = (t: ReturnT, category: Category) => t(`category.${category}`)
/** "Supplies" / "Fournitures", at the start of a sentence or as a label. */
export const categoryTitle = (t: ReturnT, category: Category) => t(`categoryTitle.${category}`)
/** "very poorly balanced" / "très mal équilibré". */
export const bandName = (t: ReturnT, band: Band) => t(`band.${band}`)

/** "12.34%": the same in both languages (see the top of this file). */
export const formatPercent = (value: number, decimals = 2) => `${value.toFixed(decimals)}%`

export function describeMethod(t: ReturnT, method: ContributionMethod): string {
  return method === 'BUDGET_WEIGHTED' ? t('method.budgetWeighted') : t('method.plainMean')
}

export const noCoefficientReason = (t: ReturnT, reason: NoCoefficientReason) => t(`noCoefficientReason.${reason}`)

/** "2018, 2019 and 2021" / "2018, 2019 et 2021". */
export function listYears(t: ReturnT, years: readonly number[]): string {
  if (years.length <= 1) return years.join('')
  return t('list.lastOfMany', { items: years.slice(0, -1).join(', '), last: years.at(-1) })
}

/** What a window lacks, in words; null when it lacks nothing. */
export function describeGaps(t: ReturnT, coverage: WindowCoverage, category: Category): string | null {
  const gaps = [
    coverage.missingScaleYears.length ? t('gaps.noScale', { years: listYears(t, coverage.missingScaleYears) }) : null,
    coverage.missingContractYears.length ? t('gaps.noContracts', { category: categoryName(t, category), years: listYears(t, coverage.missingContractYears) }) : null,
  ].filter((gap): gap is string => gap !== null)
  return gaps.length ? t('gaps.windowHas', { window: formatWindow(coverage.window), gaps: gaps.join(t('gaps.andSeparator')) }) : null
}

/** Why the Change column shows no change. */
export function describeChangeWithheld(t: ReturnT, withheld: { current: WindowCoverage; previous: WindowCoverage }, category: Category): string {
  const gaps = [describeGaps(t, withheld.previous, category), describeGaps(t, withheld.current, category)].filter((gap): gap is string => gap !== null)
  return t('gaps.changeWithheld', { previous: formatWindow(withheld.previous.window), gaps: gaps.join('; ') })
}

/** "Group EN-MME" / "Groupe EN-MME", "Department EN" / "Département EN". */
export const unitLabel = (t: ReturnT, unit: { kind: 'GROUP' | 'DEPARTMENT'; code: string }) => t(unit.kind === 'GROUP' ? 'units.group' : 'units.department', { code: unit.code })

/**
 * A message (`message('ns:key', values)`, e.g. an alert's cause, a use case's refusal) in the reader's
 * language; text that is not one (an alert raised before issue 14, a person's own words) as it is.
 * Messages name their namespace, so the industrial return's `t` reads any of them.
 */
export const translated = (t: ReturnT, text: string): string => translateMessage(t as unknown as TFunction, text)
