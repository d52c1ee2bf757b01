import { methodNames, type Handlers, type Method } from '../../shared/contract'
import type { Notebook } from '../core/notebook'

/**
 * The open notebook, switchable at run time. IPC is bound once, to `handlers`, which delegate to
 * whichever notebook is open now: switching never re-registers an ipcMain handler, so no call can
 * reach a closed database or a stale binding. A new notebook is opened before the old one is closed,
 * so a file that fails to open leaves the current one in place.
 */
export interface NotebookSession {
  readonly handlers: Handlers
  current(): Notebook
  /** Opens `file` (read-only when asked, a way out offered for a notebook that cannot be written). */
  switchTo(file: string, options?: { readOnly?: boolean }): Promise<Notebook>
  /** Checkpoints the WAL into the main file and closes: the store is a single file again. */
  close(): void
}

export function checkpointAndClose(notebook: Notebook): void {
  try {
    if (notebook.db.open && !notebook.db.readonly) notebook.db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    if (notebook.db.open) notebook.close()
  }
}

export function createNotebookSession(
  first: Notebook,
  open: (file: string, options: { readOnly: boolean }) => Promise<Notebook> | Notebook,
): NotebookSession {
  let notebook: Notebook | null = first
  const current = (): Notebook => {
    if (!notebook) throw new Error('The notebook is closed.')
    return notebook
  }
  const delegate = (method: Method) => (input: unknown) => (current().handlers[method] as (input: unknown) => unknown)(input)
  const handlers = Object.fromEntries(methodNames.map((m) => [m, delegate(m)])) as unknown as Handlers

  return {
    handlers,
    current,
    async switchTo(file, options = {}) {
      const previous = current()
      const readOnly = options.readOnly ?? false
      if (previous.file === file && previous.db.readonly === readOnly) return previous
      const next = await open(file, { readOnly })
      notebook = next
      checkpointAndClose(previous)
      return next
    },
    close() {
      if (notebook) checkpointAndClose(notebook)
      notebook = null
    },
  }
}
