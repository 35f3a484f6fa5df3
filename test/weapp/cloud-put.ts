/**
 * Stores the bytes on stdin at a cloud path of a local cloud started with the test SDK's
 * credential (cloud-child.ts with WEAPP_CLOUD_SDK=1), through the real wx-server-sdk: what a
 * phone's wx.cloud.uploadFile leaves in storage. Prints `FILE_ID <fileID>`.
 *
 *   node --import tsx test/weapp/cloud-put.ts <cloud url> <cloudPath> < file
 */
import { connectSdk, result } from '../local-cloud/sdk'

async function main(): Promise<void> {
  const [url, cloudPath] = process.argv.slice(2)
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  const sdk = connectSdk(url)
  const { fileID } = await result<{ fileID: string }>(
    sdk.uploadFile({ cloudPath, fileContent: Buffer.concat(chunks) }),
  )
  process.stdout.write(`FILE_ID ${fileID}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
