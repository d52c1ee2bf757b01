import { ZodError } from 'zod'
import { contract, isMethod, type ApiError, type Handlers, type Method } from '../../shared/contract'
import { errors, ParleyError } from '../core/errors'

export type Dispatched = { ok: true; result: unknown } | { ok: false; status: number; error: ApiError }

/**
 * The single gate both hosts go through: look the method up in the contract, validate the
 * payload with its schema, call the core, and turn any failure into `{ code, message }`.
 * Invalid input never reaches the core, and no stack trace ever leaves the process.
 */
export async function dispatch(handlers: Handlers, method: string, payload: unknown): Promise<Dispatched> {
  if (!isMethod(method)) {
    return { ok: false, status: 404, error: apiError(errors.unknown_method(`There is no call named "${method.slice(0, 80)}".`)) }
  }
  const shape = checkShape(payload)
  if (shape) return { ok: false, status: 400, error: apiError(errors.invalid_input(shape)) }
  let parsed: ReturnType<(typeof contract)[Method]['input']['safeParse']>
  try {
    parsed = contract[method].input.safeParse(payload ?? {})
  } catch {
    // A refinement threw (JSON.stringify on a BigInt from IPC, say): still the caller's input, not our fault.
    return { ok: false, status: 400, error: apiError(errors.invalid_input('input: the request is not plain data.')) }
  }
  if (!parsed.success) {
    return { ok: false, status: 400, error: apiError(errors.invalid_input(describeZodError(parsed.error))) }
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, status: statusFor(error), error: toApiError(error) }
  }
}

/** Deeper than any real payload (a Lexical note with nested lists and quotes stays well under 100). */
export const MAX_DEPTH = 256
/** Objects and arrays visited at most: bounds the walk when IPC sends one object many times over. */
const MAX_NODES = 2_000_000

/**
 * Refuses payloads nested deeper than MAX_DEPTH or with a reference cycle (IPC's structured clone
 * keeps cycles). Without it, 5,000 nested arrays in a note's content overflowed the stack in
 * validation and in the core, and came back as a 500. Iterative, so the check cannot overflow.
 */
export function checkShape(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null
  const stack: Array<{ value: object; depth: number; exit?: true }> = [{ value: payload, depth: 1 }]
  const path = new Set<object>()
  let nodes = 0
  while (stack.length) {
    const frame = stack.pop() as { value: object; depth: number; exit?: true }
    if (frame.exit) {
      path.delete(frame.value)
      continue
    }
    if (frame.depth > MAX_DEPTH) return `input: nested more than ${MAX_DEPTH} levels deep.`
    if (path.has(frame.value)) return 'input: contains a circular reference.'
    if (++nodes > MAX_NODES) return 'input: has too many parts.'
    path.add(frame.value)
    stack.push({ value: frame.value, depth: frame.depth, exit: true })
    const children: unknown[] = Array.isArray(frame.value) ? frame.value : Object.values(frame.value)
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: frame.depth + 1 })
  }
  return null
}

export function describeZodError(error: ZodError): string {
  const first = error.issues[0]
  if (!first) return 'The request is not valid.'
  const path = first.path.length ? first.path.join('.') : 'input'
  return `${path}: ${first.message}`
}

/**
 * SQLite refused a row that points at a missing one (a theme, round or article id that does not
 * exist or was deleted). The write was rolled back, so this is the caller's stale id, not a fault.
 */
function isMissingReference(error: unknown): boolean {
  return error instanceof Error && error.name === 'SqliteError' && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/**
 * SQLite could not write the notebook: the disk is full (SQLITE_FULL, from ENOSPC) or failed
 * (SQLITE_IOERR_*). SQLite rolled the write back, so the caller can be told so and to try again.
 */
function diskFailure(error: unknown): ApiError | null {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return null
  const code = String((error as { code?: unknown }).code)
  if (code === 'SQLITE_FULL')
    return apiError(
      errors.disk_full('The disk holding the notebook is full: nothing was saved by this call. Free some space and try again.'),
    )
  if (code.startsWith('SQLITE_IOERR'))
    return apiError(
      errors.io_error(
        'The notebook could not be written (a disk input/output error): nothing was saved by this call. Try again; if it keeps failing, check the disk.',
      ),
    )
  return null
}

/** A ParleyError as the shape that crosses a host: code, sentence, and its ways out when it has any. */
export function apiError(error: ParleyError): ApiError {
  return error.recover.length
    ? { code: error.code, message: error.message, recover: error.recover }
    : { code: error.code, message: error.message }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ParleyError) return apiError(error)
  if (isMissingReference(error))
    return apiError(errors.not_found('Something this call refers to was not found (it may have been deleted).'))
  const disk = diskFailure(error)
  if (disk) return disk
  // Unknown failures are logged by the host; the client gets a generic sentence only.
  return apiError(errors.internal('Parley hit an unexpected problem. The notebook was not changed by this call.'))
}

function statusFor(error: unknown): number {
  if (isMissingReference(error)) return 404
  if (!(error instanceof ParleyError)) return 500
  if (error.code === 'not_found') return 404
  if (error.code === 'invalid_input') return 400
  if (error.code === 'read_only') return 409
  return 422
}

export type { Method }
