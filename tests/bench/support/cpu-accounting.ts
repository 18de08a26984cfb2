// Where the machine's CPU went during a measured run, process by process, read from /proc: the app's
// processes (a `npm start` and the workers it forks), the database (the embedded PGlite process the
// app forks, or every `postgres` process of the server), this bench process (the load generator and
// its pg clients) and the rest of the machine. Per unit of work (a decision, a page) these add up to
// what one unit costs the machine, and so to the most units two cores can do per second: the figure
// that says whether a goal is out of reach on this machine, whatever the code does.
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'

/** Kernel clock ticks per second: utime/stime in /proc are counted in these (100 on Linux). */
const TICKS_PER_SECOND = 100

type ProcessInfo = { pid: number; parent: number; command: string; cpuSeconds: number; cmdline: string }

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command sits in parentheses and may hold spaces: the fields after it are space separated.
    const close = stat.lastIndexOf(')')
    const command = stat.slice(stat.indexOf('(') + 1, close)
    const fields = stat.slice(close + 2).split(' ')
    const cpuTicks = Number(fields[11]) + Number(fields[12])
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
    return { pid, parent: Number(fields[1]), command, cpuSeconds: cpuTicks / TICKS_PER_SECOND, cmdline }
  } catch {
    return null // gone meanwhile
  }
}

function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo => info !== null)
}

function machineSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const values = ticks.map(Number)
  const idle = values[3]! + values[4]! // idle + iowait
  const total = values.reduce((sum, value) => sum + value, 0)
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND }
}

export type CpuShares = {
  app: number
  database: number
  loadGenerator: number
  rest: number
  idle: number
  /** Wall-clock seconds of the run. */
  seconds: number
}

type Snapshot = { perProcess: Map<number, ProcessInfo>; bench: number; machine: { busy: number; total: number }; at: number }

function snapshot(): Snapshot {
  const usage = process.cpuUsage()
  return {
    perProcess: new Map(allProcesses().map((info) => [info.pid, info])),
    bench: (usage.user + usage.system) / 1e6,
    machine: machineSeconds(),
    at: performance.now(),
  }
}

function descendantsOf(root: number, processes: Map<number, ProcessInfo>): Set<number> {
  const found = new Set([root])
  let grew = true
  while (grew) {
    grew = false
    for (const info of processes.values()) {
      if (!found.has(info.pid) && found.has(info.parent)) {
        found.add(info.pid)
        grew = true
      }
    }
  }
  return found
}

/**
 * Starts counting; the returned function stops and says how many CPU seconds each part used.
 * `appPid` is the process the bench started (it and its descendants are the app, except the
 * embedded database process), or null when no app runs (the raw baseline); a server's `postgres`
 * processes and an embedded database's process count as the database.
 */
export function startCpuAccounting(appPid: number | null): () => CpuShares {
  const before = snapshot()
  return () => {
    const after = snapshot()
    const app = appPid === null ? new Set<number>() : descendantsOf(appPid, after.perProcess)
    let appSeconds = 0
    let databaseSeconds = 0
    for (const info of after.perProcess.values()) {
      const spent = info.cpuSeconds - (before.perProcess.get(info.pid)?.cpuSeconds ?? 0)
      if (info.command === 'postgres' || info.cmdline.includes('embedded-postgres-process')) databaseSeconds += spent
      else if (app.has(info.pid)) appSeconds += spent
    }
    const loadGenerator = after.bench - before.bench
    const busy = after.machine.busy - before.machine.busy
    const total = after.machine.total - before.machine.total
    return {
      app: appSeconds,
      database: databaseSeconds,
      loadGenerator,
      rest: Math.max(0, busy - appSeconds - databaseSeconds - loadGenerator),
      idle: Math.max(0, total - busy),
      seconds: (after.at - before.at) / 1000,
    }
  }
}

/**
 * The accounting in one line per unit of work: CPU milliseconds each part spent per unit, the
 * machine's idle share, and the most units per second the machine's cores allow at that cost.
 */
export function describeCpuPerUnit(shares: CpuShares, units: number, unit: string): { line: string; ceilingPerSecond: number } {
  const ms = (seconds: number) => ((seconds * 1000) / units).toFixed(1)
  const perUnit = (shares.app + shares.database + shares.loadGenerator + shares.rest) / units
  const cores = os.cpus().length
  const ceilingPerSecond = cores / perUnit
  const idle = shares.idle / (shares.seconds * cores)
  return {
    line:
      `CPU per ${unit}: app ${ms(shares.app)} ms, database ${ms(shares.database)} ms, load generator ${ms(shares.loadGenerator)} ms, ` +
      `rest of the machine ${ms(shares.rest)} ms = ${(perUnit * 1000).toFixed(1)} ms; ${cores} cores allow at most ${ceilingPerSecond.toFixed(0)} ${unit}s/s at that cost; ` +
      `the cores were ${(100 * (1 - idle)).toFixed(0)}% busy`,
    ceilingPerSecond,
  }
}
