import type { z } from 'zod'
import { AppError } from '../../types/errors'
import { fieldErrors } from '../../types/fields'

/**
 * Parses an action's params with its schema. Unknown fields and values of the wrong type
 * (e.g. an operator object like {"$ne": ""} where a string is expected) are refused with
 * per-field messages the page can show inline.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params)
  if (result.success) return result.data
  throw new AppError('BAD_INPUT', undefined, fieldErrors(result.error))
}
