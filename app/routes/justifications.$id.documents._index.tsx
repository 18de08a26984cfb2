import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'
import { addAttachments, attachmentLimits } from '~/attachments/add-attachments.server'
import { documentsMayChange, type DocumentsFailure } from '~/attachments/editable-documents.server'
import { DocumentList } from '~/attachments/document-list'
import { documentHref } from '~/attachments/documents-section'
import { DocumentsFormSchema, FILES_FIELD } from '~/attachments/documents-form-schema'
import { loadDocumentsPage } from '~/attachments/load-documents-page.server'
import { receiveUpload } from '~/attachments/receive-upload.server'
import { removeAttachment } from '~/attachments/remove-attachment.server'
import { UploadDocumentsForm } from '~/attachments/upload-documents-form'
import { requestOrigin } from '~/audit/audit.server'
import { requirePerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { getEnv } from '~/env.server'
import { UUID } from '~/http/uuid'
import { noSuchJustification, notAllowedToSeeJustification } from '~/justifications/justification-refusals'
import { refuseJustification } from '~/justifications/refuse-justification.server'
import { flashHeaders, readFlash } from '~/ui/flash.server'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { parseForm } from '~/ui/parse-form'

export const handle: RouteHandle = {
  i18n: 'justifications',
  title: (t, data: { page?: { reference: string } } | undefined) => (data?.page ? t('justifications:documents.pageTitle', { reference: data.page.reference }) : t('justifications:documents.heading')),
}

/** The page's justification for this person, or the same refusals as the justification's own page. */
async function loadPage(request: Request, id: string | undefined) {
  const person = await requirePerson(request)
  if (!id || !UUID.test(id)) throw noSuchJustification(request)
  const db = getDatabase()
  const page = await loadDocumentsPage(db, person, id)
  if (!page) throw await refuseJustification(db, request, id, notAllowedToSeeJustification)
  return { person, page, db }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await loadPage(request, params.id)
  const env = getEnv()
  const flash = await readFlash(request)
  return data({ page, limits: { fileMb: env.ATTACHMENT_MAX_FILE_MB, totalMb: env.ATTACHMENT_MAX_TOTAL_MB }, notice: flash.message }, { headers: flash.headers })
}

const FAILURE_STATUS: Record<DocumentsFailure['kind'], number> = { NOT_FOUND: 404, REFUSED: 403, CONFLICT: 409, INVALID: 400, UNAVAILABLE: 503 }

/**
 * Adds documents (one kind, one or several files) or removes one; either way the upload is read as
 * it streams, and its temporary files are removed whatever happens. Success redirects here with a
 * flash; a refusal answers with the page and its messages (the upload form's under its fields).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { person, page, db } = await loadPage(request, params.id)
  // Who may not change the documents now (not the requester, or frozen) is answered before a byte
  // of the body is read: the upload never reaches the disk.
  const allowed = await documentsMayChange(db, { justificationId: page.id, requesterId: person.id })
  if (!allowed.ok) return data({ form: 'remove' as const, error: allowed.message }, { status: FAILURE_STATUS[allowed.kind] })
  const { maxFileBytes, maxTotalBytes } = attachmentLimits()
  // A file over its limit is drained and reported on the page; only past the whole allowance plus
  // room for the form itself is the request cut short (413).
  const upload = await receiveUpload(request, { maxFileBytes, maxRequestBytes: maxTotalBytes + 1_000_000 })
  try {
    const submission = parseForm(upload.fields, { schema: DocumentsFormSchema })
    if (submission.status !== 'success') return data({ form: 'add' as const, reply: submission.reply() }, { status: 400 })
    const actor = { id: person.id, origin: requestOrigin(request) }
    const now = new Date()
    if (submission.value.intent === 'remove') {
      const removed = await removeAttachment(db, { justificationId: page.id, attachmentId: submission.value.attachmentId, rowVersion: submission.value.rowVersion, actor, now })
      if (!removed.ok) return data({ form: 'remove' as const, error: removed.message }, { status: FAILURE_STATUS[removed.kind] })
      return redirect(`/justifications/${page.id}/documents`, { headers: await flashHeaders(message('justifications:documents.removed', { file: removed.fileName })) })
    }
    const files = upload.files.filter((file) => file.field === FILES_FIELD)
    const added = await addAttachments(db, { justificationId: page.id, rowVersion: submission.value.rowVersion, kind: submission.value.kind, files, actor, now })
    if (!added.ok) {
      const fieldErrors = added.kind === 'INVALID' ? added.fieldErrors : {}
      return data({ form: 'add' as const, reply: submission.reply({ formErrors: [added.message], fieldErrors }) }, { status: FAILURE_STATUS[added.kind] })
    }
    return redirect(`/justifications/${page.id}/documents`, { headers: await flashHeaders(message('justifications:documents.added', { files: added.added.map((file) => file.fileName).join(', ') })) })
  } finally {
    await upload.cleanup()
  }
}

export default function DocumentsPage() {
  const { page, limits, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const removeError = actionData?.form === 'remove' ? actionData.error : null
  const { t } = useTranslation('justifications')
  return (
    <>
      <PageHeader back={<a href={`/justifications/${page.id}`}>← {page.reference}</a>} title={t('documents.heading')} lead={`${page.reference}: ${page.title}`} />
      {notice ? (
        <Notice tone="success" role="status">
          {translateMessage(t as unknown as TFunction, notice)}
        </Notice>
      ) : null}
      {removeError ? (
        <Notice tone="error" role="alert">
          {translateMessage(t as unknown as TFunction, removeError)}
        </Notice>
      ) : null}
      {!page.editable && page.isRequester ? (
        <Notice tone="info">
          {t('documents.frozen')} {t('documents.frozenStatus', { status: t(`status.${page.status}`).toLowerCase() })}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('documents.listHeading')}</h2>
        <DocumentList
          documents={page.documents}
          labelledBy="documents-heading"
          hrefFor={documentHref(page.id)}
          actionsFor={
            page.editable
              ? (document) => (
                  <Form method="post" encType="multipart/form-data" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="attachmentId" value={document.id} />
                    <input type="hidden" name="rowVersion" value={page.rowVersion} />
                    <button type="submit" className="secondary" disabled={busy}>
                      {t('documents.remove')}<span className="visually-hidden"> {document.fileName}</span>
                    </button>
                  </Form>
                )
              : undefined
          }
        />
      </section>
      {page.editable ? (
        <section className="card" aria-labelledby="add-documents-heading">
          <h2 id="add-documents-heading">{t('documents.addHeading')}</h2>
          <UploadDocumentsForm rowVersion={page.rowVersion} lastResult={actionData?.form === 'add' ? actionData.reply : undefined} limits={limits} />
        </section>
      ) : null}
    </>
  )
}
