import type { DatabaseOrTransaction } from '~/db/client.server'

export type WorkflowSettings = {
  linkTtlHours: number
  reminderAfterWorkingDays: number
  escalateAfterWorkingDays: number
  linkRequiresSignIn: boolean
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  linkTtlHours: 7 * 24,
  reminderAfterWorkingDays: 3,
  escalateAfterWorkingDays: 7,
  linkRequiresSignIn: false,
}

const settingsColumns = { linkTtlHours: true, reminderAfterWorkingDays: true, escalateAfterWorkingDays: true, linkRequiresSignIn: true } as const satisfies Record<keyof WorkflowSettings, true>

/** The workflow's operational policy values; the defaults until an administrator changes them. */
export async function loadWorkflowSettings(db: DatabaseOrTransaction): Promise<WorkflowSettings> {
  const row = await db.workflowSettings.findUnique({ where: { id: 1 }, select: settingsColumns })
  return row ?? DEFAULT_WORKFLOW_SETTINGS
}

export async function saveWorkflowSettings(db: DatabaseOrTransaction, settings: WorkflowSettings, updatedById: string) {
  await db.workflowSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings, updatedById }, update: { ...settings, updatedById } })
}
