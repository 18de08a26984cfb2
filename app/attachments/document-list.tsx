import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import type { AttachmentSummary } from './list-attachments.server'

/**
 * What a document list needs of each document (AttachmentSummary is one; serialised loader data too).
 * With its `kind` and `sizeBytes`, the list names and sizes it in the reader's language; without, it
 * shows `kindLabel` and `sizeText`.
 */
export type ListedDocument = Pick<AttachmentSummary, 'id' | 'kindLabel' | 'fileName' | 'sizeText' | 'sha256'> & Partial<Pick<AttachmentSummary, 'kind' | 'sizeBytes'>>

/**
 * The supporting documents of a justification as a list: kind, name (a download link when `hrefFor`
 * gives one), size and the full SHA-256, which is what a signature covers. Used by the justification
 * page, the documents page and the sign-off page; `actionsFor` adds per-document controls (remove).
 */
export function DocumentList({
  documents,
  hrefFor,
  actionsFor,
  emptyText,
  labelledBy,
}: {
  documents: readonly ListedDocument[]
  hrefFor?: (document: ListedDocument) => string | null
  actionsFor?: (document: ListedDocument) => ReactNode
  emptyText?: string
  labelledBy?: string
}) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  if (documents.length === 0) return <p className="empty">{emptyText ?? t('documents.none')}</p>
  return (
    <ul className="document-list" aria-labelledby={labelledBy}>
      {documents.map((document) => {
        const href = hrefFor?.(document) ?? null
        return (
          <li key={document.id} className="document">
            <span className="document-kind">{document.kind ? t(`documents.kind.${document.kind}`) : document.kindLabel}</span>{' '}
            {href ? (
              <a href={href} download={document.fileName} className="document-name">
                {document.fileName}
              </a>
            ) : (
              <span className="document-name">{document.fileName}</span>
            )}{' '}
            <span className="document-size">({document.sizeBytes !== undefined ? formats.fileSize(document.sizeBytes) : document.sizeText})</span>
            <span className="document-hash">
              SHA-256 <code>{document.sha256}</code>
            </span>
            {actionsFor ? <span className="document-actions">{actionsFor(document)}</span> : null}
          </li>
        )
      })}
    </ul>
  )
}
