const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A new request id (20 characters, matches the shared `requestId` rule): one per user intent, kept
 * across retries of the same submit so the server recognises a repeat.
 */
export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 20) id += ID_CHARS[Math.floor(Math.random() * ID_CHARS.length)]
  return id
}
