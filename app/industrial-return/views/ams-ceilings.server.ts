/** The Associate ceilings page's data: every Associate's position against its ceiling for a year (issue 13.7). */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { amsCeilingRows, type AmsCeilingRow } from './ams-ceilings.ts'
import { loadReturnInputs } from './return-inputs.server.ts'

export async function loadAmsCeilings(db: DatabaseOrTransaction, now: Date, year: number): Promise<{ rows: AmsCeilingRow[]; policyVersion: string; yearsWithCeilings: number[] }> {
  const inputs = await loadReturnInputs(db, now)
  return {
    rows: amsCeilingRows({ contracts: inputs.rollup, scales: inputs.scales, countries: inputs.countries, bandPolicy: inputs.policy.bands }, year),
    policyVersion: inputs.policy.version,
    yearsWithCeilings: [...new Set(inputs.policy.amsCeilings.map((c) => c.year))].sort((a, b) => b - a),
  }
}
