import type { AttachmentKind } from '~/attachments/attachment-kinds'
import { quoteMissing } from '~/attachments/quote-expectation'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { minorFromColumn } from '~/money/minor-units'

/** What procurement's list says of a justification's documents. */
export type DocumentFlags = {
  /** Current documents (not removed). */
  documentCount: number
  /** Submitted above its policy version's quote threshold with no quote attached now. */
  quoteMissing: boolean
}

type ListedRow = { id: string; amountChfMinor: number | null; policyVersion: number | null }

/**
 * The documents of a page (or a CSV batch) of justifications, in two queries whatever the number of
 * rows: the current documents grouped by justification and kind, and the policy versions' quote
 * thresholds. A draft has no CHF amount nor policy version yet: it is never flagged (the requester
 * sees the warning before submitting).
 */
export async function documentFlagsOf(db: DatabaseOrTransaction, rows: readonly ListedRow[]): Promise<Map<string, DocumentFlags>> {
  const ids = rows.map((row) => row.id)
  const versions = [...new Set(rows.flatMap((row) => (row.policyVersion === null ? [] : [row.policyVersion])))]
  const [groups, policies] = await Promise.all([
    ids.length
      ? db.attachment.groupBy({ by: ['justificationId', 'kind'], where: { justificationId: { in: ids }, removedAt: null }, _count: { _all: true } })
      : Promise.resolve([]),
    versions.length ? db.signaturePolicy.findMany({ where: { version: { in: versions } }, select: { version: true, quoteExpectedAboveChfMinor: true } }) : Promise.resolve([]),
  ])
  const thresholdOf = new Map(policies.map((p) => [p.version, minorFromColumn(p.quoteExpectedAboveChfMinor)]))
  const kindsOf = new Map<string, { count: number; kinds: AttachmentKind[] }>()
  for (const group of groups) {
    const entry = kindsOf.get(group.justificationId) ?? { count: 0, kinds: [] }
    entry.count += group._count._all
    entry.kinds.push(group.kind as AttachmentKind)
    kindsOf.set(group.justificationId, entry)
  }
  return new Map(
    rows.map((row) => {
      const documents = kindsOf.get(row.id) ?? { count: 0, kinds: [] }
      const threshold = row.policyVersion === null ? undefined : thresholdOf.get(row.policyVersion)
      const missing = row.amountChfMinor !== null && threshold !== undefined && quoteMissing({ amountChfMinor: row.amountChfMinor, thresholdChfMinor: threshold, kinds: documents.kinds })
      return [row.id, { documentCount: documents.count, quoteMissing: missing }]
    }),
  )
}

/** Each row with its flags (rows the map does not know count as none). */
export function withDocumentFlags<Row extends ListedRow>(rows: readonly Row[], flags: Map<string, DocumentFlags>): (Row & DocumentFlags)[] {
  return rows.map((row) => ({ ...row, ...(flags.get(row.id) ?? { documentCount: 0, quoteMissing: false }) }))
}
