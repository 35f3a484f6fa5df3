/**
 * `npm run seed`: puts the demo data into the local cloud's data folder (LOCAL_CLOUD_DATA) unless
 * it is already there. `npm run seed -- --reset` deletes the folder (data and files) first.
 */
import { optionsFromEnv, seedDataFolder } from '../server/local-cloud'
import { withDefaults } from '../server/local-cloud/config'

function main(): void {
  const reset = process.argv.includes('--reset')
  const options = optionsFromEnv()
  const { dataDir } = withDefaults(options)
  const written = seedDataFolder(options, reset)
  if (reset) console.log(`Wiped ${dataDir}`)
  console.log(
    written
      ? `Seeded ${written} demo documents into ${dataDir}`
      : `${dataDir} is already seeded (use --reset to start over)`,
  )
}

try {
  main()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
