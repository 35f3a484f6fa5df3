/**
 * A state machine written as data: each event names the states it leaves and the one it enters.
 * Shared by the functions (server/kernel/machine.ts applies a move) and the pages (which buttons
 * a record in a state offers).
 */
export type Machine<S extends string> = Record<
  string,
  { readonly from: readonly S[]; readonly to: S }
>

/** The events a record in `state` allows. */
export function allowedEvents<S extends string>(machine: Machine<S>, state: S): string[] {
  return Object.entries(machine)
    .filter(([, rule]) => rule.from.includes(state))
    .map(([event]) => event)
}
