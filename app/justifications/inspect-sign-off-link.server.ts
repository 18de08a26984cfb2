import type { Database } from '~/db/client.server'
import { formatDateTime } from '~/calendar/format-date'
import { justificationContextSchema, KNOWN_MACHINE_VERSIONS, type StepRecord } from '~/workflow/machine'
import type { SignOffLinkState } from './sign-off-link-state'
import { findSignOffTokenWithSignatory } from './sign-off-tokens.server'

const outcomeOf: Partial<Record<StepRecord['status'], string>> = { done: 'signed', rejected: 'rejected', returned: 'sent back for changes' }

export async function inspectSignOffLink(db: Database, token: string, now: Date): Promise<SignOffLinkState> {
  const link = await findSignOffTokenWithSignatory(db, token)
  if (!link) return { status: 'unknown' }
  const justification = await db.justification.findUniqueOrThrow({ where: { id: link.justificationId }, select: { id: true, status: true, snapshot: true, machineVersion: true } })
  // A person who left signs nothing, as their sessions end when they are made inactive.
  if (!link.signatory.isActive) return { status: 'unknown' }
  if (!KNOWN_MACHINE_VERSIONS.includes(justification.machineVersion)) return { status: 'changed' }
  const context = justificationContextSchema.parse((justification.snapshot as { context: unknown }).context)
  if (justification.status === 'WITHDRAWN') return { status: 'withdrawn' }
  if (context.round !== link.round) return { status: 'changed' }
  const step = context.chain[link.stepIndex]
  if (!step) return { status: 'changed' }
  const name = async (id: string | null) => (id ? ((await db.person.findUnique({ where: { id }, select: { name: true } }))?.name ?? 'someone') : 'someone')
  if (step.status !== 'pending' && step.status !== 'to-come') {
    return { status: 'decided', by: await name(step.decidedBy), at: step.decidedAt ? formatDateTime(step.decidedAt) : '', outcome: outcomeOf[step.status] ?? 'closed' }
  }
  if (link.usedAt) return { status: 'used' }
  if (step.signatoryId !== link.signatoryId) return { status: 'reassigned', to: await name(step.signatoryId) }
  if (link.revokedAt) return link.revokedReason === 'SUPERSEDED' ? { status: 'superseded' } : { status: 'changed' }
  if (step.status !== 'pending' || justification.status !== 'AWAITING_SIGNATURE') return { status: 'changed' }
  if (link.expiresAt <= now) return { status: 'expired', canSendFresh: true }
  return {
    status: 'open',
    tokenId: link.id,
    justificationId: justification.id,
    signatoryId: link.signatoryId,
    signatoryName: link.signatory.name,
    stepLabel: step.label,
    expiresAt: formatDateTime(link.expiresAt),
  }
}
