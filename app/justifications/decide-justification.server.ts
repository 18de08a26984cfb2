import type { Database } from '~/db/client.server'
import { coveredByRow } from './load-transition-row.server'
import type { WorkflowSettings } from './settings.server'
import { runTransition, type PersonActor, type PreparedTransition, type TransitionResult } from './transition.server'

export type Decision = { kind: 'sign'; comment?: string | undefined } | { kind: 'reject'; reason: string } | { kind: 'request-changes'; comment: string }

/**
 * A signatory's decision on the current step, from the app or from an email link. A signature
 * records what it covered: the documents and the text as they stand when it is given (the row's
 * version guards that nothing changed between reading them and writing the signature).
 */
export async function decideJustification(
  db: Database,
  {
    id,
    rowVersion,
    actor,
    decision,
    now,
    alsoWrite,
    settings,
  }: { id: string; rowVersion?: number; actor: PersonActor; decision: Decision; now: Date; alsoWrite?: PreparedTransition['alsoWrite']; settings?: WorkflowSettings },
): Promise<TransitionResult> {
  const stamp = { actorId: actor.id, at: now.toISOString() }
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    settings,
    prepare: async (row) => ({
      ...(alsoWrite ? { alsoWrite } : {}),
      ...(decision.kind === 'sign' ? { covered: coveredByRow(row) } : {}),
      event:
        decision.kind === 'sign'
          ? { type: 'SIGN', ...stamp, ...(decision.comment ? { comment: decision.comment } : {}) }
          : decision.kind === 'reject'
            ? { type: 'REJECT', ...stamp, reason: decision.reason }
            : { type: 'REQUEST_CHANGES', ...stamp, comment: decision.comment },
    }),
  })
}
