import { errorFields, log } from './logger.server'

export type PeriodicJob<T> = { runOnce: () => Promise<T>; stop: () => Promise<void> }

/**
 * Runs `run` every `intervalMs` in the app's process, one pass at a time: a pass asked for while one
 * is running joins it. A failing pass is logged and answers `onFailure`; the next one runs as usual.
 * `stop` waits for a pass in progress, so shutting down never cuts one in half.
 */
export function startPeriodicJob<T>({
  name,
  intervalMs,
  run,
  onFailure,
  firstRunAfterMs = intervalMs,
}: {
  name: string
  intervalMs: number
  run: () => Promise<T>
  onFailure: T
  firstRunAfterMs?: number
}): PeriodicJob<T> {
  let stopped = false
  let running: Promise<T> | null = null
  let timer: NodeJS.Timeout | null = null

  const runOnce = () => {
    running ??= run()
      .catch((error) => {
        log.error(`${name} failed`, errorFields(error))
        return onFailure
      })
      .finally(() => {
        running = null
      })
    return running
  }
  const loop = async () => {
    if (stopped) return
    await runOnce()
    if (!stopped) timer = setTimeout(loop, intervalMs)
  }
  timer = setTimeout(loop, firstRunAfterMs)

  return {
    runOnce,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
