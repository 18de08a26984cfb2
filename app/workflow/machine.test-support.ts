/**
 * Helpers shared by the machine's test files: event builders and a runner that stores every
 * snapshot as JSON between events, the way the database does.
 */
import { sendAndSnapshot, type SendResult, type StoredJustification } from './justification-actor.ts'
import type { JustificationEvent } from './justification-types.ts'
import type { ChainStep } from './signatories.ts'

export const input = { justificationId: 'J-2025-0001', requesterId: 'alice' }

let tick = 0
/** Distinct, increasing instants, so each decision's time can be checked. */
export function at(minute = ++tick): string {
  return new Date(Date.UTC(2025, 1, 10, 9, minute)).toISOString()
}

export function step(signatoryId: string, tierIndex: number, role: ChainStep['role'] = tierIndex === 0 ? 'GROUP_LEADER' : 'DEPARTMENT_HEAD'): ChainStep {
  return { tierIndex, role, label: role, signatoryId, reason: 'POSITION', explanation: `${signatoryId} signs.`, originalSignatoryId: null }
}

export const ev = {
  edit: (actorId = 'alice'): JustificationEvent => ({ type: 'EDIT', actorId, at: at() }),
  saveDraft: (actorId = 'alice'): JustificationEvent => ({ type: 'SAVE_DRAFT', actorId, at: at() }),
  submit: (chain: ChainStep[], amountChfMinor = 5_000_001, actorId = 'alice'): JustificationEvent => ({ type: 'SUBMIT', actorId, at: at(), chain, policyVersion: 1, amountChfMinor }),
  sign: (actorId: string, comment?: string): JustificationEvent => ({ type: 'SIGN', actorId, at: at(), ...(comment ? { comment } : {}) }),
  reject: (actorId: string, reason = 'Market survey shows three suppliers.'): JustificationEvent => ({ type: 'REJECT', actorId, at: at(), reason }),
  requestChanges: (actorId: string, comment = 'Attach the exclusivity letter.'): JustificationEvent => ({ type: 'REQUEST_CHANGES', actorId, at: at(), comment }),
  withdraw: (actorId = 'alice'): JustificationEvent => ({ type: 'WITHDRAW', actorId, at: at() }),
  reassign: (toSignatoryId: string, actorId = 'procurement'): JustificationEvent => ({ type: 'REASSIGN_STEP', actorId, at: at(), toSignatoryId, reason: 'ESCALATED_OVERDUE', explanation: 'No answer after 14 days.' }),
}

/** Sends events in order through JSON storage; throws on the first refusal, naming it. */
export function run(events: readonly JustificationEvent[], start: StoredJustification | null = null): SendResult[] {
  let stored = start
  return events.map((event) => {
    const result = sendAndSnapshot(stored, event, input)
    if (!result.changed) throw new Error(`${event.type} by ${event.actorId} was refused: ${result.refusal}`)
    stored = store(result)
    return result
  })
}

export function store(result: SendResult): StoredJustification {
  return { machineVersion: result.machineVersion, persisted: JSON.parse(JSON.stringify(result.persisted)) }
}

export function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1]
  if (item === undefined) throw new Error('empty')
  return item
}
