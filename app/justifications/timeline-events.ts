/**
 * The audit events a justification's timeline words in its reader's language (the justifications
 * catalogue's `timeline.event.*`), on the page and in the PDF record alike; any other event keeps
 * the audit trail's own label. Client-safe.
 */
export const TIMELINE_EVENTS = [
  'JUSTIFICATION_CREATED',
  'JUSTIFICATION_EDITED',
  'JUSTIFICATION_SUBMITTED',
  'STEP_ASSIGNED',
  'STEP_REASSIGNED',
  'STEP_SIGNED',
  'JUSTIFICATION_REJECTED',
  'CHANGES_REQUESTED',
  'JUSTIFICATION_WITHDRAWN',
  'JUSTIFICATION_APPROVED',
  'ATTACHMENT_ADDED',
  'ATTACHMENT_REMOVED',
  'DOCUMENT_DOWNLOADED',
  'COMMENT_POSTED',
] as const

export type TimelineEvent = (typeof TIMELINE_EVENTS)[number]

export function isTimelineEvent(type: string): type is TimelineEvent {
  return (TIMELINE_EVENTS as readonly string[]).includes(type)
}
