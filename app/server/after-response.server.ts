import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Work that must not hold up an answer, run once the answer has left: e.g. a sign-in email, which
 * only a known address gets, so that a known and an unknown address are answered in the same time.
 *
 * "Once the answer has left" means once the server has finished writing it (the response's `close`),
 * not the next turn of the event loop: the compressor writes even an empty answer asynchronously, and
 * a React Email render started on the next turn held a known address's answer back by ~5 ms on a slow
 * machine (seen in CI), enough to tell the two apart.
 */
const workOfThisRequest = new AsyncLocalStorage<Array<() => void>>()

/** Runs `answer` (which writes the response), then, once `response` has closed, the work it deferred. */
export async function answerThenRunDeferredWork(response: { once(event: 'close', listener: () => void): unknown }, answer: () => Promise<void>): Promise<void> {
  const deferred: Array<() => void> = []
  // Registered first: a client that goes away early still gets its email queued, as before.
  response.once('close', () => {
    for (const start of deferred.splice(0)) start()
  })
  await workOfThisRequest.run(deferred, answer)
}

/**
 * Runs `work` after the current request's answer has been written, or, outside a request (a use
 * case called from a test or a script), on the next turn of the event loop. A failure goes to
 * `onError`; the promise resolves when the work is done either way.
 */
export function afterResponse(work: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
  const deferred = workOfThisRequest.getStore()
  const started = new Promise<void>((resolve) => (deferred ? deferred.push(resolve) : setImmediate(resolve)))
  return started.then(work).catch(onError)
}
