import type pg from 'pg'
/** What the steps of a contract import share: how a run is told the time and the app's address, and what a batch answers. */

/** Rows per batch when the run does not say (import-pacing.server.ts): four to a chunk of 5 000 lines. */
export const DEFAULT_BATCH_SIZE = 1_250
/** How long a worker's claim on a job keeps other instances away from it. */
export const CLAIM_MS = 60_000

export type BatchResult = 'CONTINUE' | 'SUCCEEDED' | 'FAILED' | 'NOT_RUNNABLE'

export type ImportRunOptions = {
  now: () => Date
  appUrl: string
  batchSize?: number
  /** Rows per short transaction of the final move (finish-import.server.ts); MOVE_STEP_ROWS unless told. */
  moveStepRows?: number
  /** The pause between two steps of the move; MOVE_STEP_PAUSE_MS unless told. */
  movePauseMs?: number
  /** Past this time (Date.now()), a run stops after the batch or move step in hand and releases its claim. */
  deadline?: number
  /** A plain pg connection the batches of one run share (run-imports.server.ts); without it each batch opens its own. */
  connection?: pg.Client
}
