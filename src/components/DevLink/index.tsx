/** DevLink's props (the same on every platform). */
export interface DevLinkProps {
  /** Classes added to the link's root, after its own (H5 only: elsewhere nothing is drawn). */
  className?: string
}

/** WeChat (and any platform but H5): there is no dev identity switcher. */
export default function DevLink(_props: DevLinkProps) {
  return null
}
