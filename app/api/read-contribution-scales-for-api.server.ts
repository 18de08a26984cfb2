import type { DatabaseOrTransaction } from '~/db/client.server'
import { loadScales } from '~/industrial-return/views/return-inputs.server'

/** Every contribution scale, by year, as the scales page reads them (loadScales): shares as exact decimal text. */
export async function readContributionScalesForApi(db: DatabaseOrTransaction) {
  const scales = await loadScales(db)
  return { items: scales.map(({ year, budgetChfMinor, source, isDemo, shares }) => ({ year, budgetChfMinor, source, isDemo, shares })) }
}
