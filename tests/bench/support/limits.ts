// What the bench prints under a goal it did not meet: the limit, measured in the same run. Two
// measures: the machine's CPU per unit of work, process by process (cpu-accounting.ts), and the
// cheapest page the app serves (GET /sign-in: no database read, no session), the rate no Remix
// request on this machine can beat.
import os from 'node:os'
import { describeCpuPerUnit, startCpuAccounting, type CpuShares } from './cpu-accounting'
import { describeShares, type ProfileSummary } from './cpu-profile'
import { formatRate, measureThroughput, type Throughput } from './load'

export type CheapestPage = { throughput: Throughput; cpu: CpuShares }

/** GET /sign-in `count` times at `concurrency`: the floor of every request through Remix. */
export async function measureCheapestPage(appUrl: string, appPid: number, count: number, concurrency: number): Promise<CheapestPage> {
  const get = async () => {
    const response = await fetch(`${appUrl}/sign-in`, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`/sign-in answered ${response.status}`)
  }
  await measureThroughput(Math.min(50, count), concurrency, get)
  const stop = startCpuAccounting(appPid)
  const throughput = await measureThroughput(count, concurrency, get)
  return { throughput, cpu: stop() }
}

export type ThroughputLimitInputs = {
  unit: string
  /** The measured run and the CPU the machine spent on it. */
  measured: Throughput
  cpu: CpuShares
  /** The rate the goal asks for, and how it is stated ('0.40 of the raw 600 /s'). */
  goalPerSecond: number
  goalStated: string
  cheapestPage: CheapestPage
  /** The raw baseline's run at the same concurrency and the CPU it took (database and its client). */
  raw: { throughput: Throughput; cpu: CpuShares }
  /** A profile of the app's processes over an extra run of `profiledUnits` units. */
  profile?: { app: ProfileSummary; database: ProfileSummary | null; units: number }
}

/** The lines that show why a throughput goal is out of reach: what one unit costs against what the goal allows. */
export function explainThroughputLimit(inputs: ThroughputLimitInputs): string[] {
  const { unit, measured, cpu, goalPerSecond, cheapestPage, profile } = inputs
  const cores = os.cpus().length
  const perUnit = describeCpuPerUnit(cpu, measured.count, unit)
  const page = describeCpuPerUnit(cheapestPage.cpu, cheapestPage.throughput.count, 'page')
  const allowedMs = (1000 * cores) / goalPerSecond
  const spentMs = (1000 * cores) / perUnit.ceilingPerSecond
  const appMs = (1000 * cpu.app) / measured.count
  const lines = [
    `${perUnit.line}.`,
    `The goal, ${inputs.goalStated} = ${goalPerSecond.toFixed(0)} ${unit}s/s, leaves ${allowedMs.toFixed(1)} ms of CPU per ${unit} on ${cores} cores, for every process together; one ${unit} costs ${spentMs.toFixed(1)} ms, of which the app's processes ${appMs.toFixed(1)} ms.`,
    `The cheapest page of the same app (GET /sign-in: no database, no session) at the same concurrency: ${formatRate(cheapestPage.throughput)}; ${page.line}.`,
  ]
  // The floor: no app can serve a unit for less than its cheapest page plus the unit's own database
  // work (what the raw baseline spends: the database and its client).
  const pageMs = (1000 * (cheapestPage.cpu.app + cheapestPage.cpu.database + cheapestPage.cpu.loadGenerator)) / cheapestPage.throughput.count
  const rawMs = (1000 * (inputs.raw.cpu.database + inputs.raw.cpu.loadGenerator)) / inputs.raw.throughput.count
  const floorPerSecond = (1000 * cores) / (pageMs + rawMs)
  const floorRatio = floorPerSecond / inputs.raw.throughput.perSecond
  const goalRatio = goalPerSecond / inputs.raw.throughput.perSecond
  lines.push(
    `Floor: the cheapest page (${pageMs.toFixed(1)} ms of CPU, all processes) plus the raw ${unit}'s own work (${rawMs.toFixed(1)} ms: database and client, measured in the raw run) = ${(pageMs + rawMs).toFixed(1)} ms, ` +
      `so at most ${floorPerSecond.toFixed(0)} ${unit}s/s = ${floorRatio.toFixed(2)} of the raw, for a page that did nothing else. ` +
      (floorRatio < goalRatio
        ? `The goal (${goalRatio.toFixed(2)}) is above that floor: no Remix page can reach it on these ${cores} cores.`
        : `The goal (${goalRatio.toFixed(2)}) is below that floor: what is over it is the app's own work per ${unit} (the profile below).`),
  )
  if (profile) {
    const appMsPerUnit = profile.app.busyMs / profile.units
    lines.push(`Profile of the app's processes over ${profile.units} more ${unit}s (self time, ${appMsPerUnit.toFixed(1)} ms per ${unit} while profiled): ${describeShares(profile.app)}.`)
    if (profile.database) lines.push(`Profile of the embedded database's process over the same ${unit}s (${(profile.database.busyMs / profile.units).toFixed(1)} ms per ${unit}): ${describeShares(profile.database, 5)}.`)
  }
  return lines
}
