import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { createJustificationActor, InvalidSnapshotError, restoreJustificationActor, sendAndSnapshot, UnknownMachineVersionError } from './justification-actor.ts'
import { JUSTIFICATION_MACHINE_VERSION, justificationMachine } from './justification-machine.ts'
import { ev, input, last, run, step, store } from './machine.test-support.ts'

const chain = [step('gina', 0), step('dave', 1)]

describe('persistence round trip', () => {
  it('continues from a snapshot that went through JSON, with plain createActor', () => {
    const actor = createActor(justificationMachine, { input }).start()
    actor.send(ev.submit(chain))
    actor.send(ev.sign('gina'))
    const text = JSON.stringify(actor.getPersistedSnapshot())
    actor.stop()

    const restored = createActor(justificationMachine, { snapshot: JSON.parse(text), input }).start()
    expect(restored.getSnapshot().value).toBe('awaitingSignature')
    expect(restored.getSnapshot().context.currentStepIndex).toBe(1)
    restored.send(ev.sign('gina')) // already signed: still refused after restore
    expect(restored.getSnapshot().context.currentStepIndex).toBe(1)
    restored.send(ev.sign('dave'))
    expect(restored.getSnapshot().value).toBe('approved')
    expect(restored.getSnapshot().status).toBe('done')
  })

  it('restores through restoreJustificationActor and keeps the whole context', () => {
    const actor = createJustificationActor(input)
    actor.send(ev.edit())
    actor.send(ev.submit(chain))
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()))
    const restored = restoreJustificationActor(persisted, JUSTIFICATION_MACHINE_VERSION)
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context)
    restored.send(ev.requestChanges('gina'))
    expect(restored.getSnapshot().value).toBe('changesRequested')
  })

  it('gives the same result whether events run on one actor or through storage after each', () => {
    const events = [ev.saveDraft(), ev.submit(chain), ev.reassign('dora'), ev.sign('dora'), ev.sign('dave')]
    const live = createJustificationActor(input)
    for (const event of events) live.send(event)
    const stored = last(run(events))
    expect(stored.snapshot.context).toEqual(live.getSnapshot().context)
    expect(stored.state).toBe('approved')
  })
})

describe('machine versions', () => {
  it.each([0, 2, 99])('refuses a snapshot written by version %i with a typed error', (version) => {
    const persisted = store(last(run([ev.submit(chain)]))).persisted
    expect(() => restoreJustificationActor(persisted, version)).toThrow(UnknownMachineVersionError)
    try {
      restoreJustificationActor(persisted, version)
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMachineVersionError)
      expect((error as UnknownMachineVersionError).machineVersion).toBe(version)
      expect((error as Error).message).toMatch(`version ${version}`)
    }
  })

  it('reports an unknown version through sendAndSnapshot too', () => {
    const stored = { ...store(last(run([ev.submit(chain)]))), machineVersion: 2 }
    expect(() => sendAndSnapshot(stored, ev.sign('gina'), input)).toThrow(UnknownMachineVersionError)
  })

  it('refuses a snapshot that is not this machine\'s', () => {
    expect(() => restoreJustificationActor({ status: 'active', value: 'draft', context: {} }, JUSTIFICATION_MACHINE_VERSION)).toThrow(InvalidSnapshotError)
    expect(() => restoreJustificationActor({ status: 'active', value: 'limbo', context: {} }, JUSTIFICATION_MACHINE_VERSION)).toThrow(InvalidSnapshotError)
    expect(() => restoreJustificationActor(null, JUSTIFICATION_MACHINE_VERSION)).toThrow(InvalidSnapshotError)
  })
})

describe('sendAndSnapshot', () => {
  it('creates a new justification from input when nothing is stored', () => {
    const result = sendAndSnapshot(null, ev.saveDraft(), input)
    expect(result).toMatchObject({ changed: true, refusal: null, state: 'draft', machineVersion: JUSTIFICATION_MACHINE_VERSION })
    expect(result.snapshot.context).toMatchObject({ justificationId: input.justificationId, requesterId: 'alice', edits: 1 })
    expect(result.effects.map((e) => e.type)).toEqual(['EDITED'])
  })

  it('returns a persisted snapshot that survives JSON unchanged', () => {
    const result = sendAndSnapshot(null, ev.submit(chain), input)
    expect(JSON.parse(JSON.stringify(result.persisted))).toEqual(result.persisted)
  })

  it('reports an event the state does not accept as not accepted', () => {
    const result = sendAndSnapshot(null, ev.sign('gina'), input)
    expect(result).toMatchObject({ changed: false, refusal: 'NOT_ALLOWED_IN_STATE', effects: [] })
    expect(result.message).toMatch(/not possible/)
  })
})
