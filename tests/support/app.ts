import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './smtp'

export type RunningApp = {
  url: string
  /** The server process's id: a test can read its memory in /proc/<pid>/status. */
  pid: number
  logs: string[]
  stop: () => Promise<void>
}

/**
 * Starts the real server entry (`app/server/main.ts`, the built Remix app) as its own process, as
 * `npm start` does, with the given environment on top of a clean one. Resolves once it listens.
 * Without DATABASE_URL it uses the embedded database in a fresh temporary DATA_DIR.
 */
export async function startApp(env: Record<string, string | undefined> = {}): Promise<RunningApp> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-data-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'app/server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: url,
      DATA_DIR: dataDir,
      OUTBOX_POLL_INTERVAL_MS: '200',
      LOG_LEVEL: 'info',
      // One process unless a test asks for more: `pid` is then the process that serves (memory is read
      // from it), and journeys behave as on the embedded default. tests/integration/several-instances
      // runs WEB_CONCURRENCY=2 on purpose.
      WEB_CONCURRENCY: '1',
      // A new embedded cluster from the dumped one (tests/support/pglite-new-cluster.ts), when set.
      PGLITE_NEW_CLUSTER_FROM: process.env.PGLITE_NEW_CLUSTER_FROM,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start within 90 s:\n${logs.join('')}`)), 90_000)
    const onOutput = (chunk: Buffer) => {
      logs.push(chunk.toString())
      if (chunk.toString().includes('"msg":"listening"')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onOutput)
    child.stderr!.on('data', onOutput)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`app exited with ${code} during start-up:\n${logs.join('')}`))
    })
  })
  return {
    url,
    pid: child.pid!,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      const timeout = new Promise((resolve) => setTimeout(resolve, 15_000))
      await Promise.race([exited, timeout])
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
