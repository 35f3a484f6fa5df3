/**
 * A failure the cloud API reports in-band: HTTP 200 + `{code, message}` (cloud-protocol.md §1).
 * The SDK maps `code` to its errCode table, so the strings must be the cloud's own.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'CloudError'
  }
}

export const collectionNotExist = (name: string) =>
  new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)

export const invalidParam = (message: string) => new CloudError('INVALID_PARAM', message)

/**
 * A unique-index violation. The real cloud reports MongoDB's E11000 under DATABASE_REQUEST_FAILED
 * (errCode -502001 in the SDK), so callers that catch "insert failed" behave the same here.
 */
export const duplicateKey = (collection: string, index: string, key: unknown) =>
  new CloudError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${JSON.stringify(key)}`,
  )
