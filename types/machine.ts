import type { TodoKind } from './modules'

/**
 * A state machine written as data: each event names the states it leaves, the one it enters and
 * the to-dos it closes or opens (by kind: the work it ends, the work it asks for next). Shared by
 * the functions (cloudfunctions/todos/api.ts applies a step) and the pages (which buttons a record
 * in a state offers).
 */
export interface Rule<S extends string> {
  readonly from: readonly S[]
  readonly to: S
  /** The pending to-dos of this kind about the record are done by this move. */
  readonly closes?: TodoKind
  /** This move asks someone to act next: a to-do of this kind about the record. */
  readonly opens?: TodoKind
}
export type Machine<S extends string> = Record<string, Rule<S>>

/** The events a record in `state` allows. */
export function allowedEvents<S extends string>(machine: Machine<S>, state: S): string[] {
  return Object.entries(machine)
    .filter(([, rule]) => rule.from.includes(state))
    .map(([event]) => event)
}
