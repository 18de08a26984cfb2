import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import { Notice } from '~/ui/notice'
import { translated } from './format.ts'

/** Says which figures of this installation are made up (demo contracts, demo scales). */
export function DemoDataNotice({ demo }: { demo: { contracts: boolean; scales: number[] } }) {
  const { t } = useTranslation('industrial-return')
  if (!demo.contracts && !demo.scales.length) return null
  const what = [demo.contracts ? t('demo.contracts') : null, demo.scales.length ? t('demo.scales', { years: demo.scales.join(', ') }) : null].filter(Boolean).join('; ')
  return (
    <Notice>
      <span className="badge warn">{t('demo.badge')}</span> {t('demo.notice', { what })}
    </Notice>
  )
}

/** Imports still running: their contracts are not in the figures yet. */
export function RunningImportsNotices({ imports }: { imports: { id: string; fileName: string; percent: number }[] }) {
  const { t } = useTranslation('industrial-return')
  return (
    <>
      {imports.map((job) => (
        <Notice key={job.id}>
          <RichText text={t('runningImport', { fileName: job.fileName, percent: job.percent })} parts={[<Link key="follow" to={`/industrial-return/import/${job.id}`} />]} />
        </Notice>
      ))}
    </>
  )
}

/** What became of the last form sent from the page: `ok` as a status, `error` as an alert (messages, translated here). */
export function ActionResultNotice({ result }: { result: { ok: string } | { error: string } | undefined }) {
  const { t } = useTranslation('industrial-return')
  if (!result) return null
  return 'ok' in result ? (
    <Notice tone="success" role="status">
      {translated(t, result.ok)}
    </Notice>
  ) : (
    <Notice tone="error" role="alert">
      {translated(t, result.error)}
    </Notice>
  )
}
