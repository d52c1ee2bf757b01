/**
 * Issue 17 item 3: in the desktop app the export folder is picked in the main process (the system's
 * folder dialog) and the renderer gets an opaque handle, never the path. The path stays here under
 * a random single-use handle; the page may start an export by passing that handle as
 * notebook.export's `dir`, and the IPC layer (withFolderHandles, bound in index.ts) takes it back
 * to the path before the core is called. An unknown, used or expired handle is refused with a
 * clear message; a page that names a path itself still gets the browser mode's rules (the core's
 * checkPageDestination), so nothing a page types is trusted as a dialog's choice is.
 */
import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import type { Handlers } from '../../shared/contract'
import type { ExportSummary } from '../../shared/model'
import { invalidInput } from '../core/errors'
import type { FolderChoice } from './export-folder'

/** Every handle starts so; no path does (a path the page names is absolute, see export/destination.ts). */
export const HANDLE_PREFIX = 'parley-folder:'
/** A handle not used within this long is forgotten (the user picked a folder and walked away). */
export const HANDLE_TTL_MS = 10 * 60_000

/** What the renderer is told of a picked folder: the handle, and the folder's own name to show. */
export interface PickedFolder {
  handle: string
  name: string
}

export interface FolderHandles {
  /** Keeps a folder the system dialog returned; returns its handle and its name (never the path). */
  keep(dir: string): PickedFolder
  /** The folder of a handle, once: the handle is forgotten. Unknown, used or expired: invalid_input. */
  take(handle: string): string
  /** How many handles are waiting (tests). */
  readonly size: number
}

export const isFolderHandle = (dir: string): boolean => dir.startsWith(HANDLE_PREFIX)

export function createFolderHandles(now: () => number = Date.now): FolderHandles {
  const kept = new Map<string, { dir: string; at: number }>()
  const forgetOld = (): void => {
    for (const [handle, { at }] of kept) if (now() - at > HANDLE_TTL_MS) kept.delete(handle)
  }
  return {
    keep(dir) {
      forgetOld()
      // 192 random bits: a page cannot guess another's handle, and a handle says nothing of the path.
      const handle = `${HANDLE_PREFIX}${randomBytes(24).toString('base64url')}`
      kept.set(handle, { dir, at: now() })
      return { handle, name: basename(dir) }
    },
    take(handle) {
      forgetOld()
      const entry = kept.get(handle)
      kept.delete(handle)
      if (!entry)
        throw invalidInput('This export folder is no longer valid (it was used already, or chosen too long ago): choose the folder again.')
      return entry.dir
    },
    get size() {
      forgetOld()
      return kept.size
    },
  }
}

/** The system's folder dialog's choice, kept under a handle; null when the user cancelled. */
export async function pickFolderHandle(pickFolder: () => Promise<FolderChoice>, handles: FolderHandles): Promise<PickedFolder | null> {
  const choice = await pickFolder()
  const dir = choice.filePaths[0]
  if (choice.canceled || !dir) return null
  return handles.keep(dir)
}

/**
 * The handlers the desktop app binds to IPC: notebook.export given a handle exports into the folder
 * it stands for, as the menu's export does (`exportTo`: the core's exportVault on that folder);
 * given anything else, the core's own notebook.export answers (the browser mode's rules).
 */
export function withFolderHandles(
  handlers: Handlers,
  handles: FolderHandles,
  exportTo: (dir: string, wikilinks: boolean) => Promise<ExportSummary>,
): Handlers {
  return {
    ...handlers,
    'notebook.export': (input) =>
      isFolderHandle(input.dir) ? exportTo(handles.take(input.dir), input.wikilinks ?? false) : handlers['notebook.export'](input),
  }
}
