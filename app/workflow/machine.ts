/**
 * Public entry point of the justification workflow machine: the machine itself, its data types,
 * effects derived from transitions, and the restore/send helpers used by the persistence layer.
 */
export { JUSTIFICATION_MACHINE_VERSION, justificationMachine, type JustificationMachine } from './justification-machine.ts'
export * from './justification-types.ts'
export { refusalFor, refusalMessages, isValidChain, currentStep, type Refusal } from './justification-rules.ts'
export { effectsOf, describeTransition, type Effect, type EffectType, type SnapshotView } from './effects.ts'
export {
  createJustificationActor,
  InvalidSnapshotError,
  KNOWN_MACHINE_VERSIONS,
  restoreJustificationActor,
  sendAndSnapshot,
  UnknownMachineVersionError,
  whyNotAccepted,
  type JustificationActor,
  type JustificationSnapshot,
  type SendResult,
  type StoredJustification,
} from './justification-actor.ts'
