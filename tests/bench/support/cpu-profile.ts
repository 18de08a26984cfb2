// A CPU profile of the app's processes over part of a bench run, summarised as where their time went
// by package (self time: the functions that were running, not their callers). The profiler sits in
// the app through cpu-profile-preload.cjs; profiling slows the app, so a profile is taken over an
// extra run, never over a measured one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const PRELOAD = path.resolve(import.meta.dirname, 'cpu-profile-preload.cjs')

type CallFrame = { functionName: string; url: string }
type ProfileNode = { id: number; callFrame: CallFrame }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export type ProfileSummary = {
  /** Milliseconds the process was running JavaScript, native code or the garbage collector. */
  busyMs: number
  /** Share of busyMs by what was running, largest first. */
  shares: { what: string; fraction: number }[]
}

/** The environment that puts the profiler in the app's processes (the workers inherit it). */
export function profilerEnvironment(): { env: Record<string, string>; directory: string; cleanUp: () => void } {
  const directory = mkdtempSync(path.join(tmpdir(), 'solesource-bench-profile-'))
  return {
    env: { NODE_OPTIONS: `--require ${PRELOAD}`, BENCH_PROFILE_DIR: directory },
    directory,
    cleanUp: () => rmSync(directory, { recursive: true, force: true }),
  }
}

function nodeProcessesUnder(root: number): { pid: number; isDatabase: boolean }[] {
  const parents = new Map<number, number>()
  const commandLines = new Map<number, string>()
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
      commandLines.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'))
    } catch {
      // gone meanwhile
    }
  }
  const found = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const [pid, parent] of parents) if (!found.has(pid) && found.has(parent)) found.add(pid), (grew = true)
  }
  return [...found]
    .filter((pid) => commandLines.get(pid)?.split('\0')[0]?.endsWith('node'))
    .map((pid) => ({ pid, isDatabase: commandLines.get(pid)!.includes('embedded-postgres-process') }))
}

/**
 * Profiles the app's Node processes (started with profilerEnvironment()) while `work` runs; returns
 * one summary for the app's processes together and one for the embedded database's, if any.
 */
export async function profileWhile(appPid: number, directory: string, work: () => Promise<void>): Promise<{ app: ProfileSummary; database: ProfileSummary | null }> {
  const processes = nodeProcessesUnder(appPid)
  for (const { pid } of processes) process.kill(pid, 'SIGUSR2')
  await sleep(200) // the profiler starts asynchronously
  await work()
  for (const { pid } of processes) process.kill(pid, 'SIGUSR2')
  const read = async (pid: number): Promise<CpuProfile> => {
    const file = path.join(directory, `${pid}.cpuprofile`)
    for (let waited = 0; !existsSync(file); waited += 100) {
      if (waited > 30_000) throw new Error(`process ${pid} wrote no profile`)
      await sleep(100)
    }
    return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  }
  const app: CpuProfile[] = []
  const database: CpuProfile[] = []
  for (const { pid, isDatabase } of processes) (isDatabase ? database : app).push(await read(pid))
  return { app: summarise(app), database: database.length ? summarise(database) : null }
}

/** What a sampled frame belongs to: an npm package, a part of Node, our code, or the engine itself. */
export function ownerOf({ url, functionName }: CallFrame): string | null {
  if (!url) {
    if (functionName === '(idle)' || functionName === '(root)') return null
    if (functionName === '(garbage collector)') return 'garbage collector'
    if (functionName === '(program)') return 'V8 itself (compiling, interpreting)'
    return `native code (${functionName})`
  }
  if (url.startsWith('wasm://')) return 'WebAssembly'
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/')
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!
  }
  if (url.startsWith('node:')) return `Node.js (${url.slice(5).replace(/^internal\//, '').split('/')[0]})`
  if (url.includes('/build/')) return 'our code (the Remix server build)'
  if (url.includes('/app/')) return 'our code (app/)'
  return 'other'
}

function summarise(profiles: CpuProfile[]): ProfileSummary {
  const byOwner = new Map<string, number>()
  let busy = 0
  for (const profile of profiles) {
    const owners = new Map(profile.nodes.map((node) => [node.id, ownerOf(node.callFrame)]))
    // timeDeltas[i + 1] is the time from sample i to the next: the time sample i stands for.
    profile.samples.forEach((nodeId, i) => {
      const owner = owners.get(nodeId)
      const micros = profile.timeDeltas[i + 1] ?? 0
      if (!owner) return
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros)
      busy += micros
    })
  }
  const shares = [...byOwner].map(([what, micros]) => ({ what, fraction: busy ? micros / busy : 0 })).sort((a, b) => b.fraction - a.fraction)
  return { busyMs: busy / 1000, shares }
}

/** "@prisma/client 23%, native code (writev) 10%, ..." for the first `count` owners (1% and more). */
export function describeShares(summary: ProfileSummary, count = 12): string {
  const shown = summary.shares.slice(0, count).filter((share) => share.fraction >= 0.01)
  const listed = shown.map(({ what, fraction }) => `${what} ${(100 * fraction).toFixed(0)}%`)
  const rest = summary.shares.slice(shown.length).reduce((sum, share) => sum + share.fraction, 0)
  return `${listed.join(', ')}${rest > 0 ? `, the rest ${(100 * rest).toFixed(0)}%` : ''}`
}
