/**
 * Issue 17 item 3 (F5): in the desktop app, File › Export Vault… picks the folder in the main
 * process with the system's folder dialog and exports there itself, so the renderer never names a
 * destination for this path (a page can only ask for notebook.export, which keeps the browser
 * mode's rules: a full path inside the home, empty or this notebook's). A folder the user chose in
 * the system dialog is trusted as one typed on the terminal is, and still passes every check of
 * the export itself: real path, no `.obsidian`, nothing through a symbolic link, a manifest
 * believed only when signed with the notebook's key.
 */
import type { ExportSummary } from '../../shared/model'

export interface FolderChoice {
  canceled: boolean
  filePaths: string[]
}

export interface ExportFolderSteps {
  /** Markdown links (false), [[wikilinks]] (true), or null when the user cancels. */
  askLinks: () => Promise<boolean | null>
  /** The system's folder dialog (Electron's dialog.showOpenDialog with openDirectory). */
  pickFolder: () => Promise<FolderChoice>
  /** The core's export into a folder the user chose (exportVault). */
  exportTo: (dir: string, wikilinks: boolean) => Promise<ExportSummary>
}

/** Asks, picks, exports; null when the user cancelled (nothing written). Errors reach the caller. */
export async function exportToPickedFolder(steps: ExportFolderSteps): Promise<ExportSummary | null> {
  const wikilinks = await steps.askLinks()
  if (wikilinks === null) return null
  const choice = await steps.pickFolder()
  const dir = choice.filePaths[0]
  if (choice.canceled || !dir) return null
  return steps.exportTo(dir, wikilinks)
}

/** The lines the desktop app shows once an export is done. */
export function exportReport(summary: ExportSummary): string {
  const lines = [
    `${summary.files} files in ${summary.dir}: ${summary.written.length} written, ${summary.updated.length} updated, ${summary.unchanged} unchanged.`,
  ]
  if (summary.removed.length) lines.push(`${summary.removed.length} files of deleted items removed.`)
  if (summary.kept.length) lines.push(`${summary.kept.length} files of deleted items you edited were kept.`)
  if (summary.conflicts.length)
    lines.push(`${summary.conflicts.length} files you edited were left as they are; the new version is beside each (.parley-new).`)
  return lines.join('\n')
}
