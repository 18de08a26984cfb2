import { Link } from '@remix-run/react'
import { Notice } from '~/ui/notice'

/** Says which figures of this installation are made up (demo contracts, demo scales). */
export function DemoDataNotice({ demo }: { demo: { contracts: boolean; scales: number[] } }) {
  if (!demo.contracts && !demo.scales.length) return null
  return (
    <Notice>
      <span className="badge warn">demo</span> This installation holds demo data: {demo.contracts ? 'contracts numbered DEMO-… are made up' : null}
      {demo.contracts && demo.scales.length ? '; ' : null}
      {demo.scales.length ? `the contribution scales of ${demo.scales.join(', ')} are made up` : null}. The 2009 scale is the real published one.
    </Notice>
  )
}

/** Imports still running: their contracts are not in the figures yet. */
export function RunningImportsNotices({ imports }: { imports: { id: string; fileName: string; percent: number }[] }) {
  return (
    <>
      {imports.map((job) => (
        <Notice key={job.id}>
          Import of {job.fileName} in progress ({job.percent}%): <Link to={`/industrial-return/import/${job.id}`}>follow it</Link>. Its contracts count once it is finished.
        </Notice>
      ))}
    </>
  )
}

/** What became of the last form sent from the page: `ok` as a status, `error` as an alert. */
export function ActionResultNotice({ result }: { result: { ok: string } | { error: string } | undefined }) {
  if (!result) return null
  return 'ok' in result ? (
    <Notice tone="success" role="status">
      {result.ok}
    </Notice>
  ) : (
    <Notice tone="error" role="alert">
      {result.error}
    </Notice>
  )
}
