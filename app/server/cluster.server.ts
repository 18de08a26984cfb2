// The primary process of `npm start` with WEB_CONCURRENCY > 1: it has migrated and seeded the
// database, and now keeps `count` workers serving HTTP on one port (Node's cluster hands them the
// connections in turn). A worker that dies is replaced; SIGTERM or SIGINT stops them all (ADR 030).
import cluster, { type Worker } from 'node:cluster'
import { log } from './logger.server'

const STOP_GRACE_MS = 20_000

export function superviseWorkers(count: number) {
  let stopping = false
  let exitCode = 0
  const listening = new Set<number>()

  const fork = () => cluster.fork()
  cluster.on('listening', (worker) => listening.add(worker.id))
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const hadListened = listening.delete(worker.id)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info('all workers stopped')
        process.exit(exitCode)
      }
      return
    }
    // One that never got to listen will not do better on a second try (a wrong setting, the
    // database gone): stop rather than start it again and again.
    if (!hadListened) {
      log.error('worker failed to start; stopping', { worker: worker.id, pid: worker.process.pid, code, signal })
      stop('worker start-up failure', 1)
      return
    }
    log.warn('worker died; starting another', { worker: worker.id, pid: worker.process.pid, code, signal })
    fork()
  })

  const stop = (reason: string, code = 0) => {
    if (stopping) return
    stopping = true
    exitCode = code
    log.info('stopping workers', { reason, workers: Object.keys(cluster.workers ?? {}).length })
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined)
    if (workers.length === 0) process.exit(exitCode)
    for (const worker of workers) worker.process.kill('SIGTERM')
    // Each worker finishes its jobs' passes and closes its pool; one that hangs is not waited for forever.
    setTimeout(() => {
      log.warn('workers did not stop in time; killing them', { graceMs: STOP_GRACE_MS })
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
      process.exit(1)
    }, STOP_GRACE_MS).unref()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  log.info('starting workers', { workers: count })
  for (let i = 0; i < count; i += 1) fork()
}
