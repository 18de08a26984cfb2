import { simpleParser, type ParsedMail } from 'mailparser'
import { createServer } from 'node:net'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

/** A free loopback port, so a test knows its server's address before starting it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export type TestSmtpServer = {
  port: number
  url: string
  messages: ParsedMail[]
  /** Resolves with the first message (already received or arriving) that matches. */
  waitForMessage: (predicate: (message: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>
  messagesTo: (address: string) => ParsedMail[]
  /** Stops listening (an outage); `start()` listens again on the same port. */
  stop: () => Promise<void>
  start: () => Promise<void>
}

export function recipientsOf(message: ParsedMail): string[] {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : []
  return to.flatMap((address) => address.value.map((v) => v.address?.toLowerCase() ?? ''))
}

/** A plain local SMTP server: no TLS, no authentication, no log. */
const LOCAL_SMTP_OPTIONS: SMTPServerOptions = {
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // Stopping (an outage) closes the connections a pooled client keeps open at once, not after 30 s.
  closeTimeout: 100,
}

/** A real SMTP server in the test's process; what arrives is parsed with mailparser. */
export async function startSmtpServer({ port }: { port?: number } = {}): Promise<TestSmtpServer> {
  const listenPort = port ?? (await freePort())
  const messages: ParsedMail[] = []
  const waiters = new Set<() => void>()
  let server: SMTPServer | null = null

  const start = async () => {
    server = new SMTPServer({
      ...LOCAL_SMTP_OPTIONS,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            messages.push(parsed)
            for (const wake of waiters) wake()
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(listenPort, '127.0.0.1', () => resolve())
    })
  }
  const stop = async () => {
    const current = server
    server = null
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }
  await start()

  return {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    messages,
    messagesTo: (address) => messages.filter((m) => recipientsOf(m).includes(address.toLowerCase())),
    stop,
    start,
    // 30 s: the outbox delivers in order of due time, and a worker's earlier spec files can leave a
    // few dozen digests queued ahead of the email a journey waits for (seen in CI: 15 s was short).
    waitForMessage(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate)
          if (found) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(found)
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching email within ${timeoutMs} ms (received ${messages.length})`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
  }
}

/**
 * A real SMTP server that takes every message's DATA and withholds its acceptance (the final 250)
 * until told: a send caught in the middle, as when a server is slow or a worker dies during it.
 */
export async function startWithholdingSmtpServer() {
  const port = await freePort()
  const received: string[] = []
  const withheld: (() => void)[] = []
  const server = new SMTPServer({
    ...LOCAL_SMTP_OPTIONS,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed.messageId ?? '')
          withheld.push(() => callback())
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Message-IDs whose data arrived (none of them accepted unless `acceptAll` was called). */
    received,
    acceptAll: () => withheld.splice(0).forEach((accept) => accept()),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(message: ParsedMail, prefix: string): string {
  const match = (message.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s\\])>"]+`))
  if (!match) throw new Error(`no link starting with ${prefix} in "${message.subject}"`)
  return match[0]
}

export function codeIn(message: ParsedMail): string {
  const match = (message.text ?? '').match(/\b(\d{6})\b/)
  if (!match?.[1]) throw new Error(`no six-digit code in "${message.subject}"`)
  return match[1]
}
