import type { DatabaseOrTransaction } from '~/db/client.server'
import { formatDateTime } from '~/calendar/format-date'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { justificationContextSchema, KNOWN_MACHINE_VERSIONS } from '~/workflow/machine'
import type { JustificationPageData } from '../justification-details'
import type { SignatureLine } from './signature-line'
import { stepLabelIn } from './step-label.server'

// The signature block of a justification: who signed (or was asked to), in which role, when on the
// organisation's clock, and how. The channel is not in the workflow's snapshot: the decision's audit
// event records it (`via`: "link" for a sign-off link from the email, "app" for the justification
// page). An event written before that field existed says nothing, and the block says so. A signature's
// event also records what it covered (documents and the text's hash): the block says how many documents.
// Roles, outcomes and times are worded in `language`, the reader's.

const DECISION_EVENTS = ['STEP_SIGNED', 'JUSTIFICATION_REJECTED', 'CHANGES_REQUESTED'] as const

type Page = Pick<JustificationPageData, 'id' | 'chain'>

export async function loadSignatureLines(db: DatabaseOrTransaction, page: Page, language: Language = 'en'): Promise<SignatureLine[]> {
  if (page.chain.length === 0) return []
  const [justification, events] = await Promise.all([
    db.justification.findUniqueOrThrow({ where: { id: page.id }, select: { machineVersion: true, snapshot: true } }),
    db.auditEvent.findMany({
      where: { subject: `justification:${page.id}`, type: { in: ['JUSTIFICATION_SUBMITTED', ...DECISION_EVENTS] } },
      select: { type: true, payload: true },
      orderBy: { id: 'asc' },
    }),
  ])
  const decidedAt = rawDecisionTimes(justification)
  // The chain on the page is the latest round's: its decisions are the events after the last submission.
  const lastSubmission = events.map((e) => e.type).lastIndexOf('JUSTIFICATION_SUBMITTED')
  const channelByStep = new Map<number, SignatureLine['channel']>()
  const coveredByStep = new Map<number, number>()
  for (const event of events.slice(lastSubmission + 1)) {
    const payload = event.payload as { stepIndex?: unknown; via?: unknown; documents?: unknown; textSha256?: unknown }
    if (typeof payload.stepIndex !== 'number') continue
    channelByStep.set(payload.stepIndex, payload.via === 'link' ? 'link' : payload.via === 'app' ? 'app' : 'not-recorded')
    // A signature from before documents were recorded has no text hash: it says nothing it covered.
    if (event.type === 'STEP_SIGNED' && typeof payload.textSha256 === 'string' && Array.isArray(payload.documents)) coveredByStep.set(payload.stepIndex, payload.documents.length)
  }
  const t = translatorFor(language, 'justifications')
  return page.chain.map((step) => {
    const at = decidedAt[step.index]
    return {
      role: stepLabelIn(step.label, language),
      person: step.decidedBy ?? step.signatory,
      outcome: t(`stepStatus.${step.status}`),
      decided: Boolean(at),
      at: at ? formatDateTime(at, language) : null,
      channel: at ? (channelByStep.get(step.index) ?? 'not-recorded') : null,
      comment: step.comment,
      coveredDocuments: at && step.status === 'done' ? (coveredByStep.get(step.index) ?? null) : null,
      explanation: step.why || null,
    }
  })
}

function rawDecisionTimes(j: { machineVersion: number; snapshot: unknown }): (string | null)[] {
  if (!KNOWN_MACHINE_VERSIONS.includes(j.machineVersion)) return []
  const context = justificationContextSchema.parse((j.snapshot as { context: unknown }).context)
  return context.chain.map((step) => step.decidedAt)
}
