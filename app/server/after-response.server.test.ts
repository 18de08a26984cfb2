import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { afterResponse, answerThenRunDeferredWork } from './after-response.server'

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** A real HTTP server whose one route defers `work` and then answers with `body`, written slowly in two parts. */
async function serve(work: (response: { writableFinished: boolean }) => Promise<void>) {
  const done: Promise<void>[] = []
  server = createServer((req, res) => {
    void answerThenRunDeferredWork(res, async () => {
      done.push(afterResponse(() => work(res), (error) => { throw error }))
      res.write('first part, ')
      await new Promise((resolve) => setTimeout(resolve, 20))
      res.end('and the rest')
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, done }
}

function get(port: number, { leaveEarly = false } = {}) {
  return new Promise<string>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = ''
      res.on('data', (chunk) => {
        body += chunk
        if (leaveEarly) req.destroy()
      })
      res.on('end', () => resolve(body))
      res.on('close', () => resolve(body))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('work deferred until the answer has left', () => {
  it('starts only once the whole answer is written, not on the next turn of the event loop', async () => {
    const seen: boolean[] = []
    const { port, done } = await serve(async (response) => void seen.push(response.writableFinished))
    expect(await get(port)).toBe('first part, and the rest')
    await Promise.all(done)
    expect(seen).toEqual([true])
  })

  it('still runs when the client goes away before the answer is complete', async () => {
    let ran = 0
    const { port, done } = await serve(async () => void ran++)
    await get(port, { leaveEarly: true })
    await Promise.all(done)
    expect(ran).toBe(1)
  })

  it('outside a request, runs on the next turn of the event loop and reports a failure', async () => {
    const order: string[] = []
    const failures: unknown[] = []
    const finished = afterResponse(async () => {
      order.push('work')
      throw new Error('refused')
    }, (error) => failures.push(error))
    order.push('caller goes on')
    await finished
    expect(order).toEqual(['caller goes on', 'work'])
    expect(failures).toEqual([new Error('refused')])
  })
})
