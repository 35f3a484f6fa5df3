/** WeChat (and any platform but H5): there is no dev identity switcher. */
export default function DevLink() {
  return null
}
