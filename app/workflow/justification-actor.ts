/**
 * Restoring a stored justification and applying one event to it, as the persistence layer does
 * in each transaction: restore -> send -> new persisted snapshot + effects, or a clear refusal.
 */
import { createActor, type Actor, type SnapshotFrom } from 'xstate'
import * as z from 'zod'
import { effectsOf, type Effect } from './effects.ts'
import { JUSTIFICATION_MACHINE_VERSION, justificationMachine, type JustificationMachine } from './justification-machine.ts'
import { refusalFor, refusalMessages, type Refusal } from './justification-rules.ts'
import { justificationContextSchema, justificationStates, type JustificationEvent, type JustificationInput, type JustificationState } from './justification-types.ts'

export const KNOWN_MACHINE_VERSIONS: readonly number[] = [JUSTIFICATION_MACHINE_VERSION]

export class UnknownMachineVersionError extends Error {
  override readonly name = 'UnknownMachineVersionError'
  constructor(readonly machineVersion: unknown) {
    super(`Snapshot written by justification machine version ${String(machineVersion)}; this code knows versions ${KNOWN_MACHINE_VERSIONS.join(', ')}.`)
  }
}

export class InvalidSnapshotError extends Error {
  override readonly name = 'InvalidSnapshotError'
  constructor(readonly issues: string) {
    super(`Stored justification snapshot is not valid: ${issues}`)
  }
}

export type JustificationSnapshot = SnapshotFrom<JustificationMachine>
export type JustificationActor = Actor<JustificationMachine>

/** What the database keeps for one justification: the JSON snapshot and the version that wrote it. */
export type StoredJustification = { machineVersion: number; persisted: unknown }

const persistedSnapshotSchema = z.object({
  status: z.enum(['active', 'done']),
  value: z.enum(justificationStates),
  context: justificationContextSchema,
})

/**
 * A started actor continuing from a persisted snapshot (already JSON-parsed). Throws
 * UnknownMachineVersionError for snapshots of another machine version, and InvalidSnapshotError
 * for rows that do not look like this machine's snapshots, rather than running on garbage.
 */
export function restoreJustificationActor(persisted: unknown, machineVersion: number): JustificationActor {
  if (!KNOWN_MACHINE_VERSIONS.includes(machineVersion)) throw new UnknownMachineVersionError(machineVersion)
  const checked = persistedSnapshotSchema.safeParse(persisted)
  if (!checked.success) throw new InvalidSnapshotError(checked.error.message)
  // The schema has checked the parts this code relies on; xstate's own fields ride along as stored.
  const snapshot = persisted as JustificationSnapshot
  // xstate ignores input when restoring, but its types require one for machines that take input.
  const { justificationId, requesterId } = checked.data.context
  return createActor(justificationMachine, { snapshot, input: { justificationId, requesterId } }).start()
}

export function createJustificationActor(input: JustificationInput): JustificationActor {
  return createActor(justificationMachine, { input }).start()
}

export type SendResult = {
  /** False when the current state does not accept this event from this actor: nothing changed. */
  changed: boolean
  refusal: Refusal | null
  message: string | null
  state: JustificationState
  snapshot: JustificationSnapshot
  persisted: unknown
  machineVersion: number
  effects: Effect[]
}

/**
 * Applies one event to a stored justification (or a new one, from `input`, when `stored` is null).
 * A refused event is reported (changed: false, with the reason) and leaves the snapshot as it was.
 */
export function sendAndSnapshot(stored: StoredJustification | null, event: JustificationEvent, input: JustificationInput): SendResult {
  const actor = stored ? restoreJustificationActor(stored.persisted, stored.machineVersion) : createJustificationActor(input)
  const before = actor.getSnapshot()
  const refusal = whyNotAccepted(before, event)
  if (refusal === null) actor.send(event)
  const after = actor.getSnapshot()
  const persisted = actor.getPersistedSnapshot()
  actor.stop()
  return {
    changed: refusal === null,
    refusal,
    message: refusal === null ? null : refusalMessages[refusal],
    state: after.value,
    snapshot: after,
    persisted,
    machineVersion: JUSTIFICATION_MACHINE_VERSION,
    effects: refusal === null ? effectsOf(before, after) : [],
  }
}

/** Null when the snapshot accepts the event; otherwise the most useful reason it does not. */
export function whyNotAccepted(snapshot: JustificationSnapshot, event: JustificationEvent): Refusal | null {
  if (snapshot.status !== 'active') return 'ALREADY_FINAL'
  if (snapshot.can(event)) return null
  const handled = justificationMachine.states[snapshot.value]?.ownEvents.includes(event.type) ?? false
  return handled ? (refusalFor(snapshot.context, event) ?? 'NOT_ALLOWED_IN_STATE') : 'NOT_ALLOWED_IN_STATE'
}
