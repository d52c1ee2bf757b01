import { ParleyError } from '../core/errors'
import { takeRecovery } from '../core/db/recover'

/** How the desktop app asks: the error's message and the ways out; the chosen index, or null for Cancel. */
export type AskRecovery = (message: string, labels: string[]) => Promise<number | null>

export interface RecoveryHost<T> {
  /** Opens a notebook file (read-only when asked). */
  open: (file: string, readOnly: boolean) => Promise<T> | T
  ask: AskRecovery
  /** The open-file dialog: another notebook, or null when the user cancels it. */
  chooseAnother: () => Promise<string | null>
}

/**
 * Opens `file`; when that fails with ways out (a damaged notebook with a backup, one that is in
 * use, one that cannot be written), asks the user which to take and takes it through the same
 * step the CLI uses (`takeRecovery`), then tries again. Returns null when the user cancels; an
 * error without ways out is thrown as before. At most a few rounds, so a choice that fails the
 * same way again cannot loop.
 */
export async function openWithRecovery<T>(file: string, host: RecoveryHost<T>, rounds = 4): Promise<T | null> {
  let target = file
  let readOnly = false
  for (let round = 0; ; round++) {
    try {
      return await host.open(target, readOnly)
    } catch (error) {
      if (!(error instanceof ParleyError) || error.recover.length === 0 || round >= rounds - 1) throw error
      const chosen = await host.ask(
        error.message,
        error.recover.map((o) => o.label),
      )
      const option = chosen === null ? undefined : error.recover[chosen]
      if (!option) return null
      const next = takeRecovery(target, option)
      if (next.kind === 'choose_another') {
        const other = await host.chooseAnother()
        if (!other) return null
        ;[target, readOnly] = [other, false]
      } else [target, readOnly] = [next.file, next.readOnly]
    }
  }
}
