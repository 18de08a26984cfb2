import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { useInMemoryEmbeddedPostgres } from '../../tests/support/database'

// A database the app cannot use at start-up is a configuration mistake: the server process must say
// which DATABASE_URL it tried (never its password) and what to do, and stop, as for a wrong variable.

const root = path.resolve(import.meta.dirname, '../..')

/** Runs the real server entry until it exits, as `npm start` would, and returns what it wrote. */
async function runServerUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'solesource-unreachable-'))
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        PORT: '0',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-characters',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    return { code, stderr, stdout }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('the server with a DATABASE_URL it cannot use', () => {
  test('nothing listening: it names DATABASE_URL, what it tried and what to do, and exits with 1', async () => {
    const { code, stderr, stdout } = await runServerUntilExit({
      DATABASE_URL: 'postgresql://postgres:not-to-be-shown@127.0.0.1:1/nowhere',
    })
    expect(code).toBe(1)
    expect(stderr).toBe(
      'Cannot use the database named by DATABASE_URL:\n' +
        '  DATABASE_URL tried postgres@127.0.0.1:1/nowhere: nothing accepts connections there (ECONNREFUSED)\n' +
        '  To fix: start the PostgreSQL server or correct the host and port in DATABASE_URL; or leave DATABASE_URL unset to use the embedded database.\n' +
        'See the Configuration section of README.md.\n',
    )
    expect(stdout + stderr).not.toContain('not-to-be-shown')
    expect(stdout).not.toContain('listening')
  })

  describe('a server that refuses the password', () => {
    const server = useInMemoryEmbeddedPostgres()

    test('it says the password was refused, without showing it, and exits with 1', async () => {
      const url = new URL(server.url)
      url.password = 'wrong-password'
      const { code, stderr, stdout } = await runServerUntilExit({ DATABASE_URL: url.toString() })
      expect(code).toBe(1)
      expect(stderr).toContain(`DATABASE_URL tried postgres@127.0.0.1:${url.port}/postgres: the server refused the user or password (28P01)`)
      expect(stderr).toContain('To fix: correct the user and password in DATABASE_URL')
      expect(stdout + stderr).not.toContain('wrong-password')
    })
  })
})
