import type { Database } from '~/db/client.server'
import { formatDateTime } from '~/calendar/format-date'
import { justificationContextSchema, KNOWN_MACHINE_VERSIONS, type StepRecord } from '~/workflow/machine'
import type { SignOffLinkState } from './sign-off-link-state'
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from './settings.server'
import { findSignOffLinkForCheck } from './sign-off-tokens.server'

const outcomeOf: Partial<Record<StepRecord['status'], string>> = { done: 'signed', rejected: 'rejected', returned: 'sent back for changes' }

export async function inspectSignOffLink(db: Database, token: string, now: Date): Promise<SignOffLinkState> {
  return (await checkSignOffLink(db, token, now)).state
}

/** What the link stands for, and the workflow settings read with it (the page and the decision need both). */
export async function checkSignOffLink(db: Database, token: string, now: Date): Promise<{ state: SignOffLinkState; settings: WorkflowSettings }> {
  const link = await findSignOffLinkForCheck(db, token)
  const settings = link?.settings ?? DEFAULT_WORKFLOW_SETTINGS
  return { state: link ? await stateOf(db, link, now) : { status: 'unknown' }, settings }
}

async function stateOf(db: Database, link: NonNullable<Awaited<ReturnType<typeof findSignOffLinkForCheck>>>, now: Date): Promise<SignOffLinkState> {
  const { justification } = link
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
    return { status: 'decided', by: await name(step.decidedBy), at: step.decidedAt ? formatDateTime(step.decidedAt) : '', outcome: outcomeOf[step.status] ?? 'closed', decidedOn: step.decidedAt }
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
    stepRole: step.role,
    expiresOn: link.expiresAt.toISOString(),
  }
}
