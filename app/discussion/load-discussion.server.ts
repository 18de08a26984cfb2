import { auditEvents } from '~/audit/events'
import type { Database } from '~/db/client.server'
import { roleNames } from '~/workflow/signatories'
import { justificationContextSchema, KNOWN_MACHINE_VERSIONS } from '~/workflow/machine'

export type DiscussionComment = {
  id: string
  authorName: string
  /** What the author is in this justification ("Requester", "Group leader", "Procurement"), if anything. */
  authorRole: string | null
  atIso: string
  body: string
  mentions: { personId: string; name: string }[]
  asSignatory: boolean
  via: 'app' | 'link'
}

/**
 * The comments on a justification, oldest first, each with its author and what they are in it.
 * The caller has already established that the reader may see the justification.
 */
export async function loadDiscussion(db: Database, justificationId: string): Promise<{ comments: DiscussionComment[]; mentionExample: string }> {
  const justification = await db.justification.findUniqueOrThrow({
    where: { id: justificationId },
    select: { requesterId: true, groupId: true, snapshot: true, machineVersion: true, requester: { select: { name: true } }, signatories: { select: { personId: true } } },
  })
  const events = await db.auditEvent.findMany({ where: { subject: `justification:${justificationId}`, type: 'COMMENT_POSTED' }, orderBy: { id: 'asc' } })
  const authorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))]
  const authors = new Map(
    (await db.person.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, groupId: true, isProcurementOfficer: true, isAdministrator: true } })).map((person) => [person.id, person]),
  )
  const stepLabels = stepLabelsByPerson(justification)
  const signatories = new Set(justification.signatories.map((s) => s.personId))

  const roleOf = (personId: string | null): string | null => {
    const person = personId ? authors.get(personId) : undefined
    if (!person) return null
    if (person.id === justification.requesterId) return 'Requester'
    const label = stepLabels.get(person.id)
    if (label) return label
    if (signatories.has(person.id)) return 'Signatory'
    if (person.isProcurementOfficer) return 'Procurement'
    if (person.isAdministrator) return 'Administrator'
    return person.groupId === justification.groupId ? 'Group member' : null
  }

  const comments = events.map((event) => {
    const payload = auditEvents.COMMENT_POSTED.schema.parse(event.payload)
    return {
      id: String(event.id),
      authorName: (event.actorId ? authors.get(event.actorId)?.name : undefined) ?? 'Someone',
      authorRole: roleOf(event.actorId),
      atIso: event.createdAt.toISOString(),
      ...payload,
    }
  })
  return { comments, mentionExample: `@${justification.requester.name}` }
}

/** Each signatory's step in the current round ("Group leader"): how the thread introduces them. */
function stepLabelsByPerson(justification: { snapshot: unknown; machineVersion: number }): Map<string, string> {
  if (!KNOWN_MACHINE_VERSIONS.includes(justification.machineVersion)) return new Map()
  const context = justificationContextSchema.safeParse((justification.snapshot as { context?: unknown } | null)?.context)
  if (!context.success) return new Map()
  const labels = new Map<string, string>()
  for (const step of context.data.chain) if (!labels.has(step.signatoryId)) labels.set(step.signatoryId, step.label || roleNames[step.role])
  return labels
}
