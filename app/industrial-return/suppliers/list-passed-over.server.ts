/**
 * Procurement's view of issue 13.10's target (ADR 044): the submitted single-source justifications
 * whose supplier was in a well balanced country while registered suppliers in very poorly balanced
 * countries did the same activity, as fixed at submission (Justification.alternativeSuppliers), with
 * the reason the requester gave. Latest submission first. Facts, not words: the page says the
 * status, the amount and the date in its reader's language.
 */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { minorFromColumn } from '~/money/minor-units'
import { statedAlternativesOf } from './stated-alternatives'

export async function listPassedOverSuppliers(db: DatabaseOrTransaction, { limit = 200 }: { limit?: number } = {}) {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Justification"
    WHERE "submittedAt" IS NOT NULL AND jsonb_typeof("alternativeSuppliers") = 'array' AND jsonb_array_length("alternativeSuppliers") > 0
    ORDER BY "submittedAt" DESC, "id" LIMIT ${limit}`
  if (ids.length === 0) return []
  const rows = await db.justification.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      supplierName: true,
      supplierCountryCode: true,
      supplierCountry: { select: { name: true } },
      activityCode: true,
      amountChfMinor: true,
      submittedAt: true,
      alternativeSuppliers: true,
      alternativeSuppliersReason: true,
      group: { select: { code: true } },
    },
  })
  return rows.map((j) => ({
    id: j.id,
    reference: j.reference,
    title: j.title,
    status: j.status,
    group: j.group.code,
    supplier: `${j.supplierName} (${j.supplierCountry.name})`,
    supplierName: j.supplierName,
    supplierCountryCode: j.supplierCountryCode,
    supplierCountryName: j.supplierCountry.name,
    activityCode: j.activityCode,
    amountChfMinor: j.amountChfMinor === null ? null : minorFromColumn(j.amountChfMinor),
    submittedAt: j.submittedAt ? j.submittedAt.toISOString() : null,
    alternatives: statedAlternativesOf(j.alternativeSuppliers, j.alternativeSuppliersReason)?.suppliers ?? [],
    reason: j.alternativeSuppliersReason,
  }))
}
