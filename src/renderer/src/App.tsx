import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { NotebookInfo } from '@shared/model'
import { api, host, onEvent } from './api'
import { ImportPanel } from './components/ImportPanel'
import { Toasts } from './components/Toasts'
import { ExportDialog } from './components/ExportDialog'
import { ConfirmProvider } from './components/Dialog'
import { parseRoute, useRoute, type Route } from './route'
import { navigate, onOpenBeside, useHistoryNavigation } from './navigation'
import { NotebookProvider, useNotebook } from './state/notebook'
import { useImport } from './useImport'
import { Compare } from './views/Compare'
import { Library } from './views/Library'
import { Reader } from './views/Reader'
import { Themes } from './views/Themes'
import { Passages } from './views/Passages'
import { Notes } from './views/Notes'
import { Matrix } from './views/Matrix'
import { Timeline } from './views/Timeline'
import { installNodeViews } from './editor/nodeViews'

installNodeViews()

export function App(): React.JSX.Element {
  return (
    <NotebookProvider>
      <ConfirmProvider>
        <Shell />
      </ConfirmProvider>
    </NotebookProvider>
  )
}

function Shell(): React.JSX.Element {
  const route = useRoute()
  useHistoryNavigation()
  const [beside, setBeside] = useState<string | null>(null)
  useEffect(() => onOpenBeside(setBeside), [])
  const { revision, changed, notify } = useNotebook()
  const [info, setInfo] = useState<NotebookInfo | null>(null)
  const [dragging, setDragging] = useState(false)
  const [exporting, setExporting] = useState(false)
  const dragDepth = useRef(0)
  const refresh = useCallback(() => changed(), [changed])
  const { state: importState, importFiles, dismiss } = useImport(refresh)

  useEffect(() => {
    api['notebook.info']({}).then(setInfo, () => setInfo(null))
  }, [revision])

  // The native menu (Electron) sends commands; the same actions have keyboard shortcuts in browser mode.
  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        const find = (): boolean => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, cancelable: true }))
        if (command === 'view-library') location.hash = '#/library'
        else if (command === 'view-compare') location.hash = '#/compare'
        else if (command === 'view-notes') location.hash = '#/notes'
        else if (command === 'export') setExporting(true)
        else if (command === 'view-matrix') location.hash = '#/matrix'
        else if (command === 'view-timeline') location.hash = '#/timeline'
        else if (command === 'new-note') void api['notes.create']({}).then((n) => (location.hash = `#/notes/${n.id}`))
        else if (command === 'find') find()
        else if (command === 'find-in-notebook') {
          location.hash = '#/library'
          setTimeout(find, 50)
        } else notify('This part of Parley is not built yet.')
      }),
    [notify],
  )

  // One place renders a route: the main view, and the one opened beside it (Ctrl/Cmd+click a link).
  const view = (route: Route): React.JSX.Element =>
    route.view === 'reader' ? (
      <Reader key={route.id} id={route.id} highlightId={route.highlightId} />
    ) : route.view === 'compare' ? (
      <Compare key={`${route.ids.join(',')}-${route.themeId}`} ids={route.ids} highlightId={route.highlightId} themeId={route.themeId} />
    ) : route.view === 'matrix' ? (
      <Matrix selected={route.roundId} />
    ) : route.view === 'timeline' ? (
      <Timeline />
    ) : route.view === 'themes' ? (
      <Themes />
    ) : route.view === 'passages' ? (
      <Passages key={`${route.themeId}-${route.roundId}`} themeId={route.themeId} roundId={route.roundId} />
    ) : route.view === 'notes' ? (
      <Notes id={route.id} />
    ) : (
      <Library
        key={route.attention ? 'attention' : 'all'}
        revision={revision}
        onImport={importFiles}
        attention={route.attention ?? false}
      />
    )

  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    dragDepth.current = 0
    setDragging(false)
    void importFiles(Array.from(event.dataTransfer.files))
  }
  const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files')

  return (
    <div
      className="app"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return
        dragDepth.current++
        setDragging(true)
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1)
        if (dragDepth.current === 0) setDragging(false)
      }}
      onDragOver={(e) => {
        if (hasFiles(e)) e.preventDefault()
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <span className="history-buttons">
          <button type="button" className="link" aria-label="Back" title="Back (Alt+←)" onClick={() => history.back()}>
            ‹
          </button>
          <button type="button" className="link" aria-label="Forward" title="Forward (Alt+→)" onClick={() => history.forward()}>
            ›
          </button>
        </span>
        <a className="brand" href="#/library">
          Parley
        </a>
        <nav className="tabs" aria-label="Views">
          <a href="#/library" aria-current={route.view === 'library' ? 'page' : undefined}>
            Library
          </a>
          <span aria-current={route.view === 'reader' ? 'page' : undefined} className={route.view === 'reader' ? '' : 'inactive'}>
            Reader
          </span>
          <a href="#/compare" aria-current={route.view === 'compare' ? 'page' : undefined}>
            Compare
          </a>
          <a href="#/matrix" aria-current={route.view === 'matrix' ? 'page' : undefined}>
            Matrix
          </a>
          <a href="#/timeline" aria-current={route.view === 'timeline' ? 'page' : undefined}>
            Timeline
          </a>
          <a href="#/notes" aria-current={route.view === 'notes' ? 'page' : undefined}>
            Notes
          </a>
          <a href="#/themes" aria-current={route.view === 'themes' ? 'page' : undefined}>
            Themes
          </a>
          <a href="#/passages" aria-current={route.view === 'passages' ? 'page' : undefined}>
            Passages
          </a>
        </nav>
        <button type="button" className="link export-button" onClick={() => setExporting(true)}>
          Export…
        </button>
        <span className="notebook" title={info?.path}>
          {info ? `${info.articles} article${info.articles === 1 ? '' : 's'}` : ''}
          {host === 'browser' ? <span className="badge">browser mode</span> : null}
        </span>
      </header>
      <ImportPanel state={importState} onDismiss={dismiss} />
      <div className={`workspace${beside ? ' has-beside' : ''}`}>
        <main className={`content view-${route.view}`}>{view(route)}</main>
        {beside ? (
          <aside className="beside" aria-label="Beside">
            <div className="beside-bar">
              <button type="button" className="link" onClick={() => (navigate(beside), setBeside(null))}>
                Open here
              </button>
              <button type="button" className="link" aria-label="Close the view beside" onClick={() => setBeside(null)}>
                ✕
              </button>
            </div>
            <div className={`content view-${parseRoute(beside).view}`}>{view(parseRoute(beside))}</div>
          </aside>
        ) : null}
      </div>
      <Toasts />
      {exporting && info ? <ExportDialog defaultDir={info.exportDir} onClose={() => setExporting(false)} /> : null}
      {dragging ? (
        <div className="dropzone" data-testid="dropzone">
          <div>Drop articles to import them</div>
          <small>Text, Markdown or HTML files</small>
        </div>
      ) : null}
    </div>
  )
}
