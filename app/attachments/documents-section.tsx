import { useTranslation } from 'react-i18next'
import { DocumentList, type ListedDocument } from './document-list'

/** Where a document of a justification is downloaded. */
export const documentHref = (justificationId: string) => (document: Pick<ListedDocument, 'id'>) => `/justifications/${justificationId}/documents/${document.id}`

/**
 * The supporting documents on a justification's own page: the list, and for its requester while it
 * may change, the way to the documents page where they are added and removed.
 */
export function DocumentsSection({ justificationId, documents, editable }: { justificationId: string; documents: readonly ListedDocument[]; editable: boolean }) {
  const { t } = useTranslation('justifications')
  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      <DocumentList documents={documents} hrefFor={documentHref(justificationId)} labelledBy="documents-heading" emptyText={t('documents.none')} />
      {editable ? (
        <p className="screen-only">
          <a href={`/justifications/${justificationId}/documents`}>{t('documents.addOrRemove')}</a>
        </p>
      ) : documents.length > 0 ? (
        <p className="hint screen-only">
          <a href={`/justifications/${justificationId}/documents`}>{t('documents.ofThisJustification')}</a>
        </p>
      ) : null}
    </section>
  )
}
