import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import type { NotebookInfo } from '@shared/model'
import { api, host, onEvent } from './api'
import { ImportPanel } from './components/ImportPanel'
import { Toasts } from './components/Toasts'
import { ExportDialog } from './components/ExportDialog'
import { ConfirmProvider } from './components/Dialog'
import { CommandPalette } from './components/CommandPalette'
import { ShortcutSheet, VIEWS } from './components/ShortcutSheet'
import { useCommands } from './components/commands'
import { rememberVisit } from './state/recent'
import { TopNav } from './components/TopNav'
import { showWelcome } from './components/Welcome'
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

  const [palette, setPalette] = useState(false)
  const [sheet, setSheet] = useState(false)
  const picker = useRef<HTMLInputElement>(null)
  useEffect(() => rememberVisit(route), [route])
  const shell = useMemo(
    () => ({
      importFiles: () => picker.current?.click(),
      exportNotebook: () => setExporting(true),
      shortcuts: () => setSheet(true),
      welcome: () => {
        showWelcome()
        location.hash = '#/library'
      },
    }),
    [],
  )
  const commands = useCommands(palette, shell)

  // Ctrl/Cmd+K or P: the palette (Ctrl/Cmd+K inside a note's text is Link, so there only P);
  // ?: the shortcut sheet; Alt+1…7: the views (by physical key, so macOS's Alt characters do not matter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target instanceof HTMLElement ? e.target : null
      const editable = !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
      const key = e.key.toLowerCase()
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (key === 'p' || (key === 'k' && !t?.isContentEditable))) {
        e.preventDefault()
        setSheet(false)
        setPalette((open) => !open)
      } else if (e.key === '?' && !editable && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault()
        setSheet(true)
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && /^Digit[1-7]$/.test(e.code)) {
        const view = VIEWS[Number(e.code.slice(5)) - 1]
        if (view) {
          e.preventDefault()
          location.hash = view.href
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

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
        seeded={info?.seeded ?? false}
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
        <TopNav route={route} />
        <button type="button" className="link export-button" onClick={() => setExporting(true)}>
          Export…
        </button>
        <button
          type="button"
          className="link palette-button"
          onClick={() => setPalette(true)}
          title="Go to a view, run an action, find an article (Ctrl+K)"
        >
          Go to…
        </button>
        {/* Where the notebook lives (and that this window is a browser tab) is told on hover, not by a permanent badge. */}
        <span className="notebook" title={info ? `${info.path}${host === 'browser' ? ' (open in your web browser)' : ''}` : undefined}>
          {info ? `${info.articles} article${info.articles === 1 ? '' : 's'}` : ''}
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
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        aria-hidden
        tabIndex={-1}
        accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          e.target.value = ''
          void importFiles(files)
        }}
      />
      {palette ? <CommandPalette commands={commands} onClose={() => setPalette(false)} /> : null}
      {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
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
