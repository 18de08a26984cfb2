/**
 * A ZIP of up to ZIP_LIMIT signed records is seconds of PDF rendering on the app's cores. So one
 * person gets one ZIP at a time, and one process renders at most MAX_ZIPS_AT_ONCE: a second click,
 * a script in a loop, or several officers at once are told to wait (429) instead of taking every
 * core from the signatories deciding on their phones. Per process: with several app instances each
 * has its own slots, which still bounds what one instance renders.
 */
export const MAX_ZIPS_AT_ONCE = 2

export type ZipSlot = { release: () => void }

const holders = new Set<string>()

/** A slot for this person's ZIP, or null when they have one in progress or the process is full. */
export function takeZipSlot(personId: string): ZipSlot | null {
  if (holders.has(personId) || holders.size >= MAX_ZIPS_AT_ONCE) return null
  holders.add(personId)
  let released = false
  return {
    release() {
      if (released) return
      released = true
      holders.delete(personId)
    },
  }
}

/** The same bytes; the slot is released when the ZIP ends, fails, or the client goes away. */
export function releasingSlotWhenDone(stream: ReadableStream<Uint8Array>, slot: ZipSlot): ReadableStream<Uint8Array> {
  const reader = stream.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          slot.release()
          controller.close()
        } else controller.enqueue(value)
      } catch (error) {
        slot.release()
        controller.error(error)
      }
    },
    async cancel(reason) {
      slot.release()
      await reader.cancel(reason)
    },
  })
}
