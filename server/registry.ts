/**
 * The server side of the registry of modules (the page side is types/modules.ts): one line per
 * module, with its contract (types/<module>.ts: actions, access, audit labels), its collections
 * with their indexes, and its demo data (server/seed/<module>.ts). Everything that lists modules
 * on the server — the local cloud's collections, the seed, the contract-driven tests, the README's
 * deploy list — reads them here. Seeds stay on this side: no page imports this file.
 * test/unit/registry.test.ts fails when a module's folder has no line here or a line no folder.
 */
import { BindingContract } from '../types/binding'
import { CORE_COLLECTIONS, type IndexSpec } from '../types/collections'
import type { Contract } from '../types/contract'
import { CREDIT_COLLECTIONS, CreditContract } from '../types/credit'
import { FUNDS_COLLECTIONS, FundsContract } from '../types/funds'
import { PROJECT_COLLECTIONS, ProjectContract } from '../types/project'
import { TRANSFERS_COLLECTIONS, TransfersContract } from '../types/transfers'
import { EVALUATION_COLLECTIONS, EvaluationContract } from '../types/evaluation'
import { DISCLOSURE_COLLECTIONS, DisclosureContract } from '../types/disclosure'
import { PARKING_COLLECTIONS, ParkingContract } from '../types/parking'
import { PCLOGIN_COLLECTIONS, PcLoginContract } from '../types/pclogin'
import { PermissionsContract } from '../types/permissions'
import { QUERY_COLLECTIONS, QueryContract } from '../types/query'
import { SAFETY_COLLECTIONS, SafetyContract } from '../types/safety'
import { TODOS_COLLECTIONS, TodosContract } from '../types/todos'
import { TRAINING_COLLECTIONS, TrainingContract } from '../types/training'
import { WEATHER_COLLECTIONS, WeatherContract } from '../types/weather'
import { evaluationSeed } from './seed/evaluation'
import { disclosureSeed } from './seed/disclosure'
import { parkingSeed } from './seed/parking'
import { querySeed } from './seed/query'
import { creditSeed } from './seed/credit'
import { fundsSeed } from './seed/funds'
import { projectSeed } from './seed/project'
import { transfersSeed } from './seed/transfers'
import { safetySeed } from './seed/safety'
import { todosSeed } from './seed/todos'
import { trainingSeed } from './seed/training'
import { weatherSeed } from './seed/weather'

/** Typed documents by collection (each with its `_id`). */
export type SeedDocs = Record<string, readonly { _id: string }[]>

export interface ModuleKit {
  contract: Contract
  collections?: Readonly<Record<string, readonly IndexSpec[]>>
  /** Demo data by collection, and files for the local cloud's storage by cloud path. */
  seed?: (now: number) => { docs: SeedDocs; files?: Record<string, Buffer> }
}

export const MODULE_KITS: readonly ModuleKit[] = [
  { contract: BindingContract },
  { contract: PermissionsContract },
  // 电脑端登录: the app's own page (src/app.config.ts), no module of the home grid.
  { contract: PcLoginContract, collections: PCLOGIN_COLLECTIONS },
  { contract: TodosContract, collections: TODOS_COLLECTIONS, seed: todosSeed },
  { contract: SafetyContract, collections: SAFETY_COLLECTIONS, seed: safetySeed },
  { contract: TrainingContract, collections: TRAINING_COLLECTIONS, seed: trainingSeed },
  { contract: WeatherContract, collections: WEATHER_COLLECTIONS, seed: weatherSeed },
  { contract: DisclosureContract, collections: DISCLOSURE_COLLECTIONS, seed: disclosureSeed },
  { contract: ParkingContract, collections: PARKING_COLLECTIONS, seed: parkingSeed },
  { contract: QueryContract, collections: QUERY_COLLECTIONS, seed: querySeed },
  { contract: EvaluationContract, collections: EVALUATION_COLLECTIONS, seed: evaluationSeed },
  { contract: ProjectContract, collections: PROJECT_COLLECTIONS, seed: projectSeed },
  { contract: FundsContract, collections: FUNDS_COLLECTIONS, seed: fundsSeed },
  { contract: TransfersContract, collections: TRANSFERS_COLLECTIONS, seed: transfersSeed },
  { contract: CreditContract, collections: CREDIT_COLLECTIONS, seed: creditSeed },
]

/** Every collection with its indexes: the core ones and each module's. */
export const COLLECTIONS: Record<string, readonly IndexSpec[]> = Object.assign(
  { ...CORE_COLLECTIONS },
  ...MODULE_KITS.map((k) => k.collections ?? {}),
)

export const CONTRACTS: readonly Contract[] = MODULE_KITS.map((k) => k.contract)
