import type { Database } from '~/db/client.server'
import { runTransition, type PersonActor, type TransitionResult } from './transition.server'

/** The requester withdraws a draft, or a justification awaiting signature or sent back for changes. */
export async function withdrawJustification(
  db: Database,
  { id, rowVersion, actor, reason, now }: { id: string; rowVersion?: number; actor: PersonActor; reason?: string | undefined; now: Date },
): Promise<TransitionResult> {
  return runTransition(db, {
    justificationId: id,
    expectedRowVersion: rowVersion,
    actor,
    prepare: async () => ({ event: { type: 'WITHDRAW', actorId: actor.id, at: now.toISOString(), ...(reason ? { reason } : {}) } }),
  })
}
