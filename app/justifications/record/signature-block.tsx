import { useTranslation } from 'react-i18next'
import type { SignatureLine } from './signature-line'

// The signature block of a printed justification: each step's role, who decided (or is asked to),
// the decision, when (with the zone) and how (email link or the app). Shown in print, where the
// page's interactive chain is left out (app/styles.css, "print"). The PDF says the same in
// render-justification-pdf.server.ts; this is the page's, in its reader's language.

export function SignatureBlock({ lines, emptyText }: { lines: SignatureLine[]; emptyText: string }) {
  const { t } = useTranslation('justifications')
  const covered = (line: SignatureLine) =>
    line.coveredDocuments === null ? null : line.coveredDocuments === 0 ? t('signatureBlock.coveredNone') : t('signatureBlock.covered', { count: line.coveredDocuments })
  return (
    <section className="card signature-block print-only" aria-labelledby="signature-block-heading">
      <h2 id="signature-block-heading">{t('signatureBlock.heading')}</h2>
      {lines.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('signatureBlock.role')}</th>
              <th scope="col">{t('signatureBlock.signatory')}</th>
              <th scope="col">{t('signatureBlock.decision')}</th>
              <th scope="col">{t('signatureBlock.when')}</th>
              <th scope="col">{t('signatureBlock.how')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <td>{line.role}</td>
                <td>{line.person}</td>
                <td>
                  {line.outcome}
                  {line.comment ? <span className="hint"> “{line.comment}”</span> : null}
                  {covered(line) ? <span className="hint"> {covered(line)}</span> : null}
                </td>
                <td>{line.at ?? '—'}</td>
                <td>{line.channel ? t(`signatureBlock.channel.${line.channel}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
