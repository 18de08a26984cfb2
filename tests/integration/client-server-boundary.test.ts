import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkClientServerBoundary, diskTree, formatViolation, memoryTree, routeModules } from '../support/client-server-boundary'

const repositoryRoot = path.resolve(import.meta.dirname, '../..')

const check = (files: Record<string, string>, routes = ['app/routes/award.tsx']) => checkClientServerBoundary(routes, memoryTree(files)).map(formatViolation)

const awardsServer = `
import { z } from 'zod'
export const awardSchema = z.object({ amount: z.number() })
export type Award = z.infer<typeof awardSchema>
export async function saveAward(award: Award) { return award }
`

describe('the client/server boundary checker', () => {
  it('fails a route whose component uses a schema from a .server module (the award form crash)', () => {
    const violations = check({
      'app/ledger/awards.server.ts': awardsServer,
      'app/routes/award.tsx': `
import { useForm } from '@conform-to/react'
import { awardSchema, saveAward } from '~/ledger/awards.server'

export async function action({ request }: { request: Request }) {
  return saveAward(awardSchema.parse(await request.json()))
}

export default function AwardForm() {
  const [form] = useForm({ onValidate: ({ formData }) => awardSchema.safeParse(formData) })
  return <form id={form.id} />
}
`,
    })
    expect(violations).toEqual([
      "app/routes/award.tsx:10:58 awardSchema from '~/ledger/awards.server' (the route component (default export))",
    ])
  })

  it('accepts .server values used only by the loader, the action and what only they call', () => {
    const violations = check({
      'app/ledger/awards.server.ts': awardsServer,
      'app/routes/award.tsx': `
import { awardSchema, saveAward, type Award } from '~/ledger/awards.server'
import type { Award as SameAward } from '~/ledger/awards.server'

async function parseAward(request: Request): Promise<Award> {
  return awardSchema.parse(await request.json())
}

export const loader = async () => ({ schemaName: awardSchema.description })
export async function action({ request }: { request: Request }) {
  return saveAward(await parseAward(request))
}

export default function AwardPage({ award }: { award: SameAward }) {
  const saveAward = (value: number) => value
  return <p>{saveAward(award.amount)}</p>
}
`,
    })
    expect(violations).toEqual([])
  })

  it('fails meta, ErrorBoundary, helpers the component calls and top-level code the browser keeps', () => {
    const violations = check({
      'app/ledger/awards.server.ts': awardsServer,
      'app/routes/award.tsx': `
import { awardSchema, saveAward } from '~/ledger/awards.server'
import * as awards from '~/ledger/awards.server'

const fields = Object.keys(awards.awardSchema.shape)
export const meta = () => [{ title: saveAward.name }]
function describeAward() { return awardSchema.description }
export function ErrorBoundary() { return <p>{describeAward()}</p> }
export default function AwardPage() { return <p>{fields.join()}</p> }
`,
    })
    expect(violations).toEqual([
      "app/routes/award.tsx:5:28 awards from '~/ledger/awards.server' (top-level code the browser keeps (fields))",
      "app/routes/award.tsx:6:37 saveAward from '~/ledger/awards.server' (meta)",
      "app/routes/award.tsx:7:35 awardSchema from '~/ledger/awards.server' (ErrorBoundary -> describeAward)",
    ])
  })

  it('fails a client module the component imports when it takes a value from a .server module', () => {
    const violations = check({
      'app/ledger/awards.server.ts': awardsServer,
      'app/ledger/award-form.tsx': `
import { awardSchema, type Award } from './awards.server'
export { saveAward } from './awards.server'
export type { Award as AwardValue } from './awards.server'
export function AwardForm({ award }: { award?: Award }) { return <input name="amount" defaultValue={award?.amount} pattern={awardSchema.description} /> }
`,
      'app/ledger/loader-only.ts': `
import { saveAward } from './awards.server'
export const save = saveAward
`,
      'app/routes/award.tsx': `
import { AwardForm } from '~/ledger/award-form'
import { save } from '~/ledger/loader-only'
export const action = async () => save({ amount: 1 })
export default function AwardPage() { return <AwardForm /> }
`,
    })
    expect(violations).toEqual([
      "app/ledger/award-form.tsx:3:10 saveAward from './awards.server' (re-exported by a module in the browser bundle, reached from app/routes/award.tsx: the route component (default export))",
      "app/ledger/award-form.tsx:5:125 awardSchema from './awards.server' (module in the browser bundle, reached from app/routes/award.tsx: the route component (default export))",
    ])
  })
})

describe('the route modules of the app', () => {
  it('use no value from a .server module in the code the browser runs', () => {
    const violations = checkClientServerBoundary(routeModules(repositoryRoot), diskTree(repositoryRoot))
    expect(violations.map(formatViolation)).toEqual([])
  })
})
