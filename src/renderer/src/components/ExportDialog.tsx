import { useEffect, useState } from 'react'
import type { ExportSummary } from '@shared/model'
import { api, errorMessage, onEvent } from '../api'
import { Dialog } from './Dialog'

/** File › Export…: writes the notebook as a Markdown vault into a folder, with progress and a report. */
export function ExportDialog({ defaultDir, onClose }: { defaultDir: string; onClose: () => void }): React.JSX.Element {
  const [dir, setDir] = useState(() => localStorage.getItem('parley.exportDir') ?? defaultDir)
  const [wikilinks, setWikilinks] = useState(false)
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [summary, setSummary] = useState<ExportSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The desktop app picks the folder with the system's dialog in its main process: the page gets a
  // handle, used once, and the folder's name (issue 17). The browser mode types a path the core checks.
  const pickFolder = window.parley?.pickExportFolder
  const [picked, setPicked] = useState<{ handle: string; name: string } | null>(null)

  useEffect(() => onEvent('export.progress', (p) => setProgress(p)), [])

  const run = async (): Promise<void> => {
    setRunning(true)
    setError(null)
    setSummary(null)
    setProgress(null)
    try {
      const result = await api['notebook.export']({ dir: pickFolder ? (picked?.handle ?? '') : dir.trim(), wikilinks })
      if (!pickFolder) localStorage.setItem('parley.exportDir', dir.trim())
      setSummary(result)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      // A handle is good for one export: exporting again asks for the folder again.
      setPicked(null)
      setRunning(false)
    }
  }

  const choose = async (): Promise<void> => {
    if (!pickFolder) return
    try {
      const folder = await pickFolder()
      if (folder) setPicked(folder)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <Dialog label="Export notebook" className="export-dialog" onClose={() => !running && onClose()} initialFocus="input">
      <h2>Export as a Markdown vault</h2>
      <p className="muted small">
        Articles with their highlights, notes, rounds, the comparison and the timeline as Markdown (Obsidian and any CommonMark tool read
        it), plus highlights.csv, W3C annotations, CSL-JSON and BibTeX references and a REFI-QDA project. Re-exporting updates only the
        files Parley wrote; a file you edited is kept and the new version written beside it.
      </p>
      {pickFolder ? (
        <div className="field">
          Folder
          <span className="muted">{picked ? picked.name : 'No folder chosen'}</span>
          <button type="button" onClick={() => void choose()} disabled={running}>
            Choose folder…
          </button>
        </div>
      ) : (
        <label className="field">
          Folder
          <input value={dir} onChange={(e) => setDir(e.target.value)} aria-label="Export folder" disabled={running} />
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={wikilinks} onChange={(e) => setWikilinks(e.target.checked)} disabled={running} /> Use [[wikilinks]]
        (Obsidian) instead of relative Markdown links
      </label>
      {running || progress ? (
        <div className="export-progress" aria-live="polite">
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />{' '}
          {progress ? `${progress.done} of ${progress.total} files` : 'Preparing…'}
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {summary ? (
        <div className="export-summary" role="status" data-testid="export-summary">
          <strong>
            Exported to {summary.dir}: {summary.written.length} written, {summary.updated.length} updated, {summary.unchanged} unchanged,{' '}
            {summary.removed.length} removed
          </strong>
          {summary.conflicts.length ? (
            <div>
              <p className="small">These files were changed outside Parley; the new version is written beside each:</p>
              <ul className="small">
                {summary.conflicts.map((c) => (
                  <li key={c.file}>
                    {c.file} → {c.newVersion}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {summary.mismatches.length ? (
            <div>
              <p className="small error">Not written because the stored text no longer matches:</p>
              <ul className="small">
                {summary.mismatches.map((m, i) => (
                  <li key={i}>
                    {m.kind} {m.id} in {m.file}: {m.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="details-actions">
        <button type="button" onClick={onClose} disabled={running}>
          {summary ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={running || (pickFolder ? !picked : !dir.trim())}>
          {running ? 'Exporting…' : summary ? 'Export again' : 'Export'}
        </button>
      </div>
    </Dialog>
  )
}
