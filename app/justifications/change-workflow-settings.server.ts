import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { saveWorkflowSettings, type WorkflowSettings } from './settings.server'

/** An administrator changes the sign-off settings; the change and its audit event commit together. */
export async function changeWorkflowSettings(db: Database, settings: WorkflowSettings, { actorId, origin }: { actorId: string; origin?: RequestOrigin }) {
  await db.$transaction(async (tx) => {
    await saveWorkflowSettings(tx, settings, actorId)
    await appendAuditEvent(tx, { type: 'WORKFLOW_SETTINGS_SAVED', actorId, subject: 'workflow-settings', payload: settings, origin })
  })
}
