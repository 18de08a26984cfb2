import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useParams, type ShouldRevalidateFunction } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requestOrigin } from '~/audit/audit.server'
import { getSignedInPerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { askFromSignOffLink } from '~/discussion/comment-actions.server'
import { SignOffQuestion } from '~/discussion/sign-off-question'
import { DecisionForm } from '~/justifications/decision-form'
import { LinkDecisionSchema, toDecision } from '~/justifications/justification-form-schema'
import { DecisionRecorded, FreshLinkSent, SignInToDecide, SignOffRefusal } from '~/justifications/sign-off-messages'
import { SignOffDocuments, SignOffFullJustification, SignOffHeading, SignOffSummary } from '~/justifications/sign-off-justification'
import { decideBySignOffLink } from '~/justifications/decide-by-sign-off-link.server'
import { decidedInThisRequest, markDecidedInThisRequest } from '~/justifications/decided-in-this-request.server'
import { checkSignOffLink } from '~/justifications/inspect-sign-off-link.server'
import { loadSignOffDetails } from '~/justifications/load-sign-off-details.server'
import { sendFreshSignOffLink } from '~/justifications/send-fresh-sign-off-link.server'
import type { SignOffLinkState } from '~/justifications/sign-off-link-state'
import { readFlash } from '~/ui/flash.server'
import { Notice } from '~/ui/notice'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'
import { message, translateMessage } from '~/i18n/message'
import type { RouteHandle } from '~/i18n/route-handle'

// The facts come from the justification's page data and its messages; the decision form is shared with that page.
export const handle: RouteHandle = { i18n: ['signoff', 'justifications', 'forms'], title: (t) => t('signoff:title') }

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

// GET and HEAD only show: mail scanners open every link, so a decision takes one of the buttons
// below (a POST). Nothing here signs anybody in, and nothing auto-submits.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // The notice a sent question redirects here with (POST, redirect, GET: a refresh asks nothing twice).
  const flash = await readFlash(request)
  // After a decision without JavaScript Remix runs this loader in the same request to render the
  // page, which shows only the action's answer: the link was just used, nothing to read again.
  const page = decidedInThisRequest(context) ? justDecided(request) : await signOffPage(request, params.token ?? '')
  return data({ ...page, notice: flash.message }, { headers: flash.headers })
}

// With JavaScript, the page shows the action's answer just the same: nothing to revalidate here.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === 'object' && 'done' in actionResult ? false : defaultShouldRevalidate

function justDecided(request: Request) {
  const state: SignOffLinkState = { status: 'used' }
  return { state, details: null, signInRequired: false, wrongPerson: false, signInUrl: signInUrlFor(request) }
}

const signInUrlFor = (request: Request) => `/sign-in?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`

async function signOffPage(request: Request, token: string) {
  const db = getDatabase()
  const { state, settings } = await checkSignOffLink(db, token, new Date())
  const signInUrl = signInUrlFor(request)
  if (state.status !== 'open') return { state, details: null, signInRequired: false, wrongPerson: false, signInUrl }
  const signedIn = await getSignedInPerson(request)
  const signInRequired = settings.linkRequiresSignIn && signedIn?.id !== state.signatoryId
  // In strict mode a forwarded copy shows nothing until its addressee signs in.
  if (signInRequired) return { state: { ...state, signatoryName: '' }, details: null, signInRequired, wrongPerson: signedIn !== null, signInUrl }
  // The link shows what its addressee may see: the justification they are asked to sign.
  const details = await loadSignOffDetails(db, state, new Date())
  return { state, details, signInRequired, wrongPerson: false, signInUrl }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = getDatabase()
  const token = params.token ?? ''
  const formData = await readForm(request)
  if (formData.get('intent') === 'fresh-link') {
    await sendFreshSignOffLink(db, { token, now: new Date() })
    return { freshLinkRequested: true as const }
  }
  if (formData.get('intent') === 'question') return askFromSignOffLink(db, { request, token, formData })
  const submission = parseForm(formData, { schema: LinkDecisionSchema })
  if (submission.status !== 'success') {
    if (!['sign', 'reject', 'request-changes'].includes(String(formData.get('intent')))) return { error: message('signoff:chooseAButton') }
    return { fieldErrors: Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, v ?? []])) as Record<string, string[]> }
  }
  const decision = toDecision(submission.value)
  const signedIn = await getSignedInPerson(request)
  const result = await decideBySignOffLink(db, { token, decision, now: new Date(), origin: requestOrigin(request), signedInPersonId: signedIn?.id ?? null })
  // The reference comes with the answer: once decided, the loader no longer shows the justification.
  if (result.ok) {
    markDecidedInThisRequest(context)
    return { done: result.outcome, reference: result.reference }
  }
  if ('state' in result) return { refused: result.state }
  if ('signInRequired' in result) return { signInRequired: true as const }
  return { error: result.message }
}

export default function SignOffPage() {
  const { t } = useTranslation('signoff')
  // Messages name their namespace (signoff:, forms:, discussion errors): any `t` of the page reads them.
  const said = (text: string | undefined) => (text ? translateMessage(t as unknown as TFunction, text) : '')
  const { state, details, signInRequired, wrongPerson, signInUrl, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const token = useParams().token ?? ''
  if (actionData && 'done' in actionData) return <DecisionRecorded outcome={actionData.done} reference={actionData.reference} />
  if (actionData && 'freshLinkRequested' in actionData) return <FreshLinkSent />
  const shownState: SignOffLinkState = (actionData && 'refused' in actionData ? actionData.refused : undefined) ?? state
  const mustSignIn = signInRequired || Boolean(actionData && 'signInRequired' in actionData)
  if (shownState.status === 'open' && mustSignIn) return <SignInToDecide wrongPerson={wrongPerson} signInUrl={signInUrl} />
  if (shownState.status !== 'open' || !details) return <SignOffRefusal state={shownState} freshLinkRequested={Boolean(actionData && 'freshLinkRequested' in actionData)} />
  const commentErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors?.comment?.map(said) : undefined
  // Phone first: what is asked, the facts it rests on and the documents it covers, then the
  // decision, near the first screen; the full justification and its history below, for whoever reads on.
  return (
    <div className="sign-off">
      <SignOffHeading ask={shownState} details={details} />
      {actionData && 'error' in actionData ? (
        <Notice tone="error" role="alert">
          {said(actionData.error)}
        </Notice>
      ) : null}
      {notice ? (
        <Notice tone="success" role="status">
          {said(notice)}
        </Notice>
      ) : null}
      <SignOffSummary details={details}>
        <SignOffDocuments documents={details.documents} hrefFor={(document) => `/sign-off/${token}/documents/${document.id}`} />
      </SignOffSummary>
      <section className="card sign-off-decision" aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t('yourDecision')}</h2>
        <DecisionForm commentErrors={commentErrors} />
      </section>
      <SignOffQuestion form={actionData && 'discussion' in actionData ? actionData.discussion : undefined} />
      <SignOffFullJustification details={details} />
    </div>
  )
}
