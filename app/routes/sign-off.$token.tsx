import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requestOrigin } from '~/audit/audit.server'
import { getSignedInPerson } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { DecisionForm } from '~/justifications/decision-form'
import { LinkDecisionSchema, toDecision } from '~/justifications/forms'
import { loadWorkflowSettings } from '~/justifications/settings.server'
import { decideBySignOffLink, inspectSignOffLink, loadSignOffDetails, sendFreshSignOffLink, type SignOffLinkState } from '~/justifications/sign-off.server'
import { parseForm } from '~/ui/parse-form'
import { readForm } from '~/http/request-body.server'

export const meta: MetaFunction = () => [{ title: 'Sign-off · SoleSource' }, { name: 'robots', content: 'noindex' }]

// GET and HEAD only show: mail scanners open every link, so a decision takes one of the buttons
// below (a POST). Nothing here signs anybody in, and nothing auto-submits.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDatabase()
  const token = params.token ?? ''
  const state = await inspectSignOffLink(db, token, new Date())
  const signInUrl = `/sign-in?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`
  if (state.status !== 'open') return { state, details: null, signInRequired: false, wrongPerson: false, signInUrl }
  const [settings, signedIn] = await Promise.all([loadWorkflowSettings(db), getSignedInPerson(request)])
  const signInRequired = settings.linkRequiresSignIn && signedIn?.id !== state.signatoryId
  // In strict mode a forwarded copy shows nothing until its addressee signs in.
  if (signInRequired) return { state: { ...state, signatoryName: '' }, details: null, signInRequired, wrongPerson: signedIn !== null, signInUrl }
  // The link shows what its addressee may see: the justification they are asked to sign.
  const details = await loadSignOffDetails(db, state, new Date())
  return { state, details, signInRequired, wrongPerson: false, signInUrl }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDatabase()
  const token = params.token ?? ''
  const formData = await readForm(request)
  if (formData.get('intent') === 'fresh-link') {
    await sendFreshSignOffLink(db, { token, now: new Date() })
    return { freshLinkRequested: true as const }
  }
  const submission = parseForm(formData, { schema: LinkDecisionSchema })
  if (submission.status !== 'success') {
    if (!['sign', 'reject', 'request-changes'].includes(String(formData.get('intent')))) return { error: 'Choose one of the three buttons: sign, request changes or reject.' }
    return { fieldErrors: Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, v ?? []])) as Record<string, string[]> }
  }
  const decision = toDecision(submission.value)
  const signedIn = await getSignedInPerson(request)
  const result = await decideBySignOffLink(db, { token, decision, now: new Date(), origin: requestOrigin(request), signedInPersonId: signedIn?.id ?? null })
  if (result.ok) return { done: result.outcome }
  if ('state' in result) return { refused: result.state }
  if ('signInRequired' in result) return { signInRequired: true as const }
  return { error: result.message }
}

const refusals: Record<Exclude<SignOffLinkState['status'], 'open'>, (state: SignOffLinkState) => { title: string; body: string }> = {
  decided: (s) => ({ title: 'This step is already decided', body: s.status === 'decided' ? `It was ${s.outcome} by ${s.by}${s.at ? ` on ${s.at}` : ''}. Nothing was changed.` : '' }),
  used: () => ({ title: 'This link was already used', body: 'Each sign-off link works once. Nothing was changed.' }),
  withdrawn: () => ({ title: 'This justification was withdrawn', body: 'The requester withdrew it: nothing is left to sign.' }),
  reassigned: (s) => ({ title: 'This signature is no longer yours to give', body: s.status === 'reassigned' ? `The step was reassigned to ${s.to}. Nothing was changed.` : '' }),
  superseded: () => ({ title: 'A newer link replaced this one', body: 'A reminder sent you a fresh link: use the one in the latest email.' }),
  changed: () => ({ title: 'This justification changed since the email', body: 'It was sent back for changes or resubmitted. If your signature is needed again, a new email will ask for it.' }),
  expired: () => ({ title: 'This link has expired', body: 'Sign-off links work for a limited time. The step is still waiting for you: ask for a fresh link below.' }),
  unknown: () => ({ title: 'This link is not valid', body: 'It may be incomplete: check that the whole link was copied from the email.' }),
}

function Refusal({ state, freshLinkRequested }: { state: SignOffLinkState; freshLinkRequested: boolean }) {
  if (state.status === 'open') return null
  const { title, body } = refusals[state.status](state)
  return (
    <div className="card narrow" role="alert">
      <h1>{title}</h1>
      <p>{body}</p>
      {state.status === 'expired' ? (
        freshLinkRequested ? (
          <p className="notice ok" role="status">
            If the step is still waiting for you, a fresh link is on its way to your inbox.
          </p>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="fresh-link">
              Email me a fresh link
            </button>
          </Form>
        )
      ) : null}
      <p>
        <a href="/">Open SoleSource</a>
      </p>
    </div>
  )
}

export default function SignOffPage() {
  const { state, details, signInRequired, wrongPerson, signInUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData && 'done' in actionData) {
    return (
      <div className="card narrow" role="status">
        <h1>Thank you: {actionData.done}</h1>
        <p>Your decision is recorded{details ? ` on ${details.reference}` : ''}, with the time and from where it was made. The requester is told by email.</p>
      </div>
    )
  }
  if (actionData && 'freshLinkRequested' in actionData) {
    // Whatever the link says now (it was just replaced), the person needs to hear what happens next.
    return (
      <div className="card narrow" role="status">
        <h1>Check your inbox</h1>
        <p>If the step is still waiting for you, a fresh link is on its way to your inbox. This one no longer works.</p>
      </div>
    )
  }
  const shownState: SignOffLinkState = (actionData && 'refused' in actionData ? actionData.refused : undefined) ?? state
  const mustSignIn = signInRequired || Boolean(actionData && 'signInRequired' in actionData)
  if (shownState.status === 'open' && mustSignIn) {
    return (
      <div className="card narrow" role="alert">
        <h1>Sign in to decide</h1>
        <p>
          {wrongPerson
            ? 'You are signed in as someone else. This organisation requires sign-off links to be used while signed in as the person they were sent to.'
            : 'This organisation requires sign-off links to be used while signed in as the person they were sent to. Sign in, and you come back here.'}
        </p>
        <a className="button" href={signInUrl}>
          Sign in
        </a>
      </div>
    )
  }
  if (shownState.status !== 'open' || !details) return <Refusal state={shownState} freshLinkRequested={Boolean(actionData && 'freshLinkRequested' in actionData)} />
  const commentErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors?.comment : undefined
  return (
    <>
      <h1>
        {details.reference}: {details.title}
      </h1>
      <p>
        {state.status === 'open' ? `${state.signatoryName}, your signature is asked as ${state.stepLabel.toLowerCase()}. This link works once, until ${state.expiresAt}.` : null}
      </p>
      {actionData && 'error' in actionData ? (
        <p className="notice danger" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">The justification</h2>
        <dl className="facts">
          <dt>Requester</dt>
          <dd>
            {details.requester}, {details.group}
          </dd>
          <dt>Supplier</dt>
          <dd>
            {details.supplier}, established in {details.supplierCountry}
          </dd>
          {details.originCountry ? (
            <>
              <dt>Origin of the goods</dt>
              <dd>{details.originCountry}</dd>
            </>
          ) : null}
          <dt>Amount</dt>
          <dd>
            {details.amount}
            {details.amountChf && details.rate ? ` = ${details.amountChf} (${details.rate})` : null}
          </dd>
          <dt>Why a single source</dt>
          <dd>{details.reason}</dd>
          <dt>Justification</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{details.reasonText}</dd>
          <dt>What is bought</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{details.description}</dd>
        </dl>
        {details.splitPurchaseFlag ? <p className="notice danger">Flagged as a possible split purchase.</p> : null}
        <h3>Signatures</h3>
        <ol className="chain">
          {details.chain.map((step) => (
            <li key={step.index}>
              <strong>{step.label}</strong>: {step.signatory}, {step.statusLabel.toLowerCase()}
              {step.decidedAt ? ` ${step.decidedAt}` : ''}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">Your decision</h2>
          <DecisionForm commentErrors={commentErrors} />
        </section>
    </>
  )
}
