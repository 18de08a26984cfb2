import cluster from 'node:cluster'

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/**
 * Structured logs: one JSON object per line on stdout, so a log shipper or `grep`/`jq` can read them.
 * The level comes from LOG_LEVEL (read directly so that logging works before the environment is valid).
 */
// With several workers (`WEB_CONCURRENCY`), every line says which one wrote it; one process adds nothing.
const origin = (): Record<string, unknown> => (cluster.isWorker ? { worker: cluster.worker!.id, pid: process.pid } : {})

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const threshold = order[(process.env.LOG_LEVEL as Level | 'silent' | undefined) ?? 'info'] ?? order.info
  if (order[level] < threshold) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...origin(), ...fields })
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
}

export function errorFields(error: unknown) {
  return error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) }
}
