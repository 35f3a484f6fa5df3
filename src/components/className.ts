/**
 * A component's root class list with the caller's `className` after its own, as taro-ui's
 * components merge theirs: the caller's rule wins a tie of equal specificity by coming later.
 */
export function withClassName(own: string, className?: string): string {
  return className ? `${own} ${className}` : own
}
