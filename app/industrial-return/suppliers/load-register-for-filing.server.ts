/**
 * What filing needs from the supplier register (ADR 044): every activity code (the form's select)
 * and the suppliers that can be suggested, those established in a country very poorly balanced now.
 */
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { FilingTimeReturn } from '../views/filing-time.ts'
import type { FilingForSuggestions } from '~/justifications/justification-form-schema'
import { suggestAlternativeSuppliers, suggestionBandsOf, type SuggestedSupplier, type SupplierRegisterForFiling } from './supplier-suggestions'

export async function loadRegisterForFiling(db: DatabaseOrTransaction, filingTimeReturn: FilingTimeReturn): Promise<SupplierRegisterForFiling> {
  const veryPoorly = filingTimeReturn.veryPoorly.map((c) => c.countryCode)
  const [codes, candidates] = await Promise.all([
    db.$queryRaw<{ code: string }[]>`SELECT DISTINCT unnest("activityCodes") AS code FROM "Supplier" ORDER BY code`,
    veryPoorly.length === 0
      ? Promise.resolve([])
      : db.supplier.findMany({
          where: { establishmentCountryCode: { in: veryPoorly }, NOT: { activityCodes: { isEmpty: true } } },
          orderBy: { normalizedName: 'asc' },
          select: { name: true, normalizedName: true, establishmentCountryCode: true, originCountryCodes: true, activityCodes: true },
        }),
  ])
  return { activityCodes: codes.map((c) => c.code), candidates }
}

/** The suggestions a filing gets, computed on the server from the same data the form had. */
export async function alternativeSuppliersFor(db: DatabaseOrTransaction, filing: FilingForSuggestions, filingTimeReturn: FilingTimeReturn): Promise<SuggestedSupplier[]> {
  if (!filing.activityCode) return []
  const register = await loadRegisterForFiling(db, filingTimeReturn)
  return suggestAlternativeSuppliers(filing, suggestionBandsOf(filingTimeReturn), register.candidates)
}
