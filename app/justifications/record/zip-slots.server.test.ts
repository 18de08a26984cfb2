import { describe, expect, test } from 'vitest'
import { MAX_ZIPS_AT_ONCE, releasingSlotWhenDone, takeZipSlot } from './zip-slots.server'

const chunks = (...texts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const text of texts) controller.enqueue(new TextEncoder().encode(text))
      controller.close()
    },
  })

describe('ZIP slots', () => {
  test('one ZIP at a time per person, and at most MAX_ZIPS_AT_ONCE in the process', () => {
    expect(MAX_ZIPS_AT_ONCE).toBe(2)
    const first = takeZipSlot('ada')
    expect(first).not.toBeNull()
    expect(takeZipSlot('ada')).toBeNull()
    const second = takeZipSlot('bea')
    expect(second).not.toBeNull()
    expect(takeZipSlot('cyd')).toBeNull()
    first!.release()
    first!.release() // twice is once
    const third = takeZipSlot('cyd')
    expect(third).not.toBeNull()
    expect(takeZipSlot('dan')).toBeNull()
    second!.release()
    third!.release()
  })

  test('the slot is released once the ZIP has been read to its end, not before', async () => {
    const slot = takeZipSlot('eve')!
    const reader = releasingSlotWhenDone(chunks('PK', 'rest'), slot).getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('PK')
    expect(takeZipSlot('eve')).toBeNull()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('rest')
    expect((await reader.read()).done).toBe(true)
    const again = takeZipSlot('eve')
    expect(again).not.toBeNull()
    again!.release()
  })

  test('a client that goes away, or a ZIP that fails, releases the slot', async () => {
    const cancelled = takeZipSlot('fay')!
    await releasingSlotWhenDone(chunks('PK', 'more'), cancelled).cancel('client left')
    const afterCancel = takeZipSlot('fay')
    expect(afterCancel).not.toBeNull()
    afterCancel!.release()

    const failing = takeZipSlot('gus')!
    const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('PDF failed')) })
    await expect(releasingSlotWhenDone(broken, failing).getReader().read()).rejects.toThrow('PDF failed')
    const afterFailure = takeZipSlot('gus')
    expect(afterFailure).not.toBeNull()
    afterFailure!.release()
  })
})
