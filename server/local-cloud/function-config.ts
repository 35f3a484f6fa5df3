/**
 * A cloud function's `config.json` (cloudfunctions/<name>/config.json), WeChat's per-function
 * settings (integrations.md "Cloud functions in production"):
 *   permissions.openapi — the `cloud.openapi.<ns>.<method>` calls WeChat lets the function make;
 *                         any other fails with errCode -604101;
 *   triggers            — timer triggers (cron);
 *   timeout             — the time limit in seconds (WeChat's default is 3 s). In production it is
 *                         set in the console or by the deploy tool; the local cloud runs the
 *                         function under it, so slow code fails here first.
 * The build checks the list against the built code (checkFunctionConfig); the local cloud enforces
 * both the list and the limit. Everything here is pure: text in, answers out.
 */
export interface TimerTrigger {
  name: string
  type: 'timer'
  /** WeChat's seven-field cron: second minute hour day month weekday year. */
  config: string
}

export interface FunctionConfig {
  permissions: { openapi: string[] }
  triggers: TimerTrigger[]
  /** Seconds; absent: WeChat's default. */
  timeout?: number
}

/** WeChat's time limit for a function whose configuration does not set one. */
export const DEFAULT_TIMEOUT_S = 3
/** The range the function-config API documents (getfuncconfig / uploadfuncconfig). */
const TIMEOUT_RANGE_S = [1, 300] as const

const API_NAME = /^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/
const KEYS = ['permissions', 'triggers', 'timeout']

export class FunctionConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FunctionConfigError'
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)

// A misspelt key would otherwise be ignored, and with it the permission it was meant to grant.
function refuseUnknownKeys(where: string, what: string, value: object, known: string[]): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k))
  if (unknown.length) {
    throw new FunctionConfigError(
      `${where}: unknown key ${unknown.map((k) => `"${k}"`).join(', ')} in ${what} (known: ${known.join(', ')})`,
    )
  }
}

function parsePermissions(where: string, value: unknown): FunctionConfig['permissions'] {
  if (value === undefined) return { openapi: [] }
  if (!isObject(value)) throw new FunctionConfigError(`${where}: "permissions" must be an object`)
  refuseUnknownKeys(where, '"permissions"', value, ['openapi'])
  const list = value.openapi ?? []
  if (!Array.isArray(list) || !list.every((a) => typeof a === 'string' && API_NAME.test(a))) {
    throw new FunctionConfigError(
      `${where}: "permissions.openapi" must be a list of API names like "subscribeMessage.send"`,
    )
  }
  return { openapi: list as string[] }
}

function parseTrigger(where: string, value: unknown, i: number): TimerTrigger {
  const ok =
    isObject(value) &&
    typeof value.name === 'string' &&
    value.name !== '' &&
    value.type === 'timer' &&
    typeof value.config === 'string' &&
    value.config.trim().split(/\s+/).length === 7
  if (!ok) {
    throw new FunctionConfigError(
      `${where}: triggers[${i}] must be {"name", "type": "timer", "config": "<7-field cron>"}`,
    )
  }
  return { name: value.name as string, type: 'timer', config: value.config as string }
}

function parseTimeout(where: string, value: unknown): number | undefined {
  if (value === undefined) return undefined
  const [min, max] = TIMEOUT_RANGE_S
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FunctionConfigError(`${where}: "timeout" must be whole seconds from ${min} to ${max}`)
  }
  return value
}

/** Parses and validates a config.json; `where` names the file in error messages. */
export function parseFunctionConfig(text: string, where: string): FunctionConfig {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new FunctionConfigError(`${where}: not valid JSON (${(err as Error).message})`)
  }
  if (!isObject(json)) throw new FunctionConfigError(`${where}: must be a JSON object`)
  refuseUnknownKeys(where, 'config.json', json, KEYS)
  const triggers = json.triggers ?? []
  if (!Array.isArray(triggers)) throw new FunctionConfigError(`${where}: "triggers" must be a list`)
  const timeout = parseTimeout(where, json.timeout)
  return {
    permissions: parsePermissions(where, json.permissions),
    triggers: triggers.map((t, i) => parseTrigger(where, t, i)),
    ...(timeout === undefined ? {} : { timeout }),
  }
}

// `x.openapi.ns.method(` whatever the bundler named the SDK import, also `openapi({appid}).ns…`.
const OPENAPI_CALL =
  /\bopenapi\s*(?:\([^()]*\))?\s*\.\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/g

/** The `cloud.openapi` APIs a function's code calls, as WeChat names them ("ns.method"), sorted. */
export function openApiCalls(code: string): string[] {
  const apis = new Set<string>()
  for (const m of code.matchAll(OPENAPI_CALL)) apis.add(`${m[1]}.${m[2]}`)
  return [...apis].sort()
}

/**
 * What is wrong with a function's config.json for the code it ships (none: []). `dir` names the
 * function's folder in the messages; `configText` is null when the file is missing.
 */
export function checkFunctionConfig(
  dir: string,
  code: string,
  configText: string | null,
): string[] {
  const where = `${dir}/config.json`
  const calls = openApiCalls(code)
  if (configText === null) {
    const needs = calls.length ? `, with "permissions": {"openapi": ${JSON.stringify(calls)}}` : ''
    return [`${where} is missing: every function declares its settings there${needs}`]
  }
  let config: FunctionConfig
  try {
    config = parseFunctionConfig(configText, where)
  } catch (err) {
    if (err instanceof FunctionConfigError) return [err.message]
    throw err
  }
  return calls
    .filter((api) => !config.permissions.openapi.includes(api))
    .map(
      (api) =>
        `${where}: "permissions.openapi" lacks "${api}", which ${dir}/index.js calls ` +
        `(WeChat refuses the call with errCode -604101)`,
    )
}

/** Whether WeChat lets a function with this configuration (null: none) call `api`. */
export function permitsOpenApi(config: FunctionConfig | null, api: string): boolean {
  return !!config && config.permissions.openapi.includes(api)
}

/** A function's time limit in ms: `overrideMs` when positive, else its configured limit. */
export function timeLimitMs(config: FunctionConfig | null, overrideMs: number): number {
  if (overrideMs > 0) return overrideMs
  return (config?.timeout ?? DEFAULT_TIMEOUT_S) * 1000
}
