import { ZodError } from 'zod'
import { contract, isMethod, type ApiError, type Handlers, type Method } from '../../shared/contract'
import { ParleyError } from '../core/errors'

export type Dispatched = { ok: true; result: unknown } | { ok: false; status: number; error: ApiError }

/**
 * The single gate both hosts go through: look the method up in the contract, validate the
 * payload with its schema, call the core, and turn any failure into `{ code, message }`.
 * Invalid input never reaches the core, and no stack trace ever leaves the process.
 */
export async function dispatch(handlers: Handlers, method: string, payload: unknown): Promise<Dispatched> {
  if (!isMethod(method)) {
    return { ok: false, status: 404, error: { code: 'unknown_method', message: `There is no call named "${method.slice(0, 80)}".` } }
  }
  const parsed = contract[method].input.safeParse(payload ?? {})
  if (!parsed.success) {
    return { ok: false, status: 400, error: { code: 'invalid_input', message: describeZodError(parsed.error) } }
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, status: statusFor(error), error: toApiError(error) }
  }
}

export function describeZodError(error: ZodError): string {
  const first = error.issues[0]
  if (!first) return 'The request is not valid.'
  const path = first.path.length ? first.path.join('.') : 'input'
  return `${path}: ${first.message}`
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ParleyError) return { code: error.code, message: error.message }
  // Unknown failures are logged by the host; the client gets a generic sentence only.
  return { code: 'internal', message: 'Parley hit an unexpected problem. The notebook was not changed by this call.' }
}

function statusFor(error: unknown): number {
  if (!(error instanceof ParleyError)) return 500
  if (error.code === 'not_found') return 404
  if (error.code === 'invalid_input') return 400
  if (error.code === 'read_only') return 409
  return 422
}

export type { Method }
