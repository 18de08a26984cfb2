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
  if (profile) {
    const appMsPerUnit = profile.app.busyMs / profile.units
    lines.push(`Profile of the app's processes over ${profile.units} more ${unit}s (self time, ${appMsPerUnit.toFixed(1)} ms per ${unit} while profiled): ${describeShares(profile.app)}.`)
    if (profile.database) lines.push(`Profile of the embedded database's process over the same ${unit}s (${(profile.database.busyMs / profile.units).toFixed(1)} ms per ${unit}): ${describeShares(profile.database, 5)}.`)
  }
  return lines
}
