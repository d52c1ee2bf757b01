import { useEffect, useMemo, useState } from 'react'
import { api, errorMessage } from '../api'
import { recentRefs } from '../state/recent'
import { setDateRange, useDateRange } from '../state/dateRange'
import { useNotebook } from '../state/notebook'
import type { Command } from './CommandPalette'
import { VIEWS } from './ShortcutSheet'

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

/** What the shell can do, by name, for the command palette. `open` is true while the palette shows (recent titles load then). */
export function useCommands(
  open: boolean,
  shell: { importFiles: () => void; exportNotebook: () => void; shortcuts: () => void; welcome: () => void },
): Command[] {
  const { themes, undo, redo, perform, notify } = useNotebook()
  const range = useDateRange()
  const [recent, setRecent] = useState<Command[]>([])

  useEffect(() => {
    if (!open) return
    const refs = recentRefs()
    if (!refs.length) return
    let live = true
    api['links.resolve']({ refs }).then(
      (list) =>
        live &&
        setRecent(
          list
            .filter((t) => t.title !== null && !t.deleted)
            .map((t) => ({
              id: `recent-${t.kind}-${t.id}`,
              name: t.title!,
              group: 'Recent',
              keys: t.kind === 'article' ? 'article' : 'note',
              run: () => (location.hash = t.kind === 'article' ? `#/article/${t.id}` : `#/notes/${t.id}`),
            })),
        ),
      () => live && setRecent([]),
    )
    return () => {
      live = false
    }
  }, [open])

  return useMemo(() => {
    const go = (href: string) => () => (location.hash = href)
    const views: Command[] = VIEWS.map((v) => ({
      id: `view-${v.name}`,
      name: v.name,
      group: 'Views',
      keys: `Alt+${v.key}`,
      run: go(v.href),
    }))
    const actions: Command[] = [
      { id: 'import', name: 'Import articles…', also: 'add files open', group: 'Actions', run: shell.importFiles },
      { id: 'export', name: 'Export the notebook…', also: 'markdown vault obsidian save', group: 'Actions', run: shell.exportNotebook },
      {
        id: 'new-note',
        name: 'New note',
        also: 'write create',
        group: 'Actions',
        run: () =>
          void api['notes.create']({}).then(
            (n) => (location.hash = `#/notes/${n.id}`),
            (e: unknown) => notify(errorMessage(e), 'error'),
          ),
      },
      {
        id: 'detect',
        name: 'Detect rounds',
        also: 'find meetings talks group',
        group: 'Actions',
        run: () =>
          void perform(
            () => api['rounds.detect']({}),
            (r) => {
              notify(`Rounds found: ${r.rounds} (${r.created} new). Rounds you accepted or edited were left as they are.`)
              return {
                label: 'detect rounds',
                undo: async () => notify('Detecting rounds cannot be undone; your own rounds were not touched.'),
                redo: () => api['rounds.detect']({}),
              }
            },
          ).then(() => (location.hash = '#/matrix')),
      },
      { id: 'find', name: 'Search the library', also: 'find text', keys: `${mod}+F`, group: 'Actions', run: go('#/library') },
      {
        id: 'attention',
        name: 'Add missing dates and outlets',
        also: 'details undated attention',
        group: 'Actions',
        run: go('#/library/attention'),
      },
      { id: 'undo', name: 'Undo', keys: `${mod}+Z`, group: 'Actions', run: () => void undo() },
      { id: 'redo', name: 'Redo', keys: `${mod}+Shift+Z`, group: 'Actions', run: () => void redo() },
      { id: 'shortcuts', name: 'Keyboard shortcuts', also: 'help keys', keys: '?', group: 'Actions', run: shell.shortcuts },
      { id: 'welcome', name: 'Show the welcome', also: 'help start tour first', group: 'Actions', run: shell.welcome },
      ...(range
        ? [
            {
              id: 'all-dates',
              name: 'Show every date (clear the Timeline period)',
              group: 'Actions' as const,
              run: () => setDateRange(null),
            },
          ]
        : []),
    ]
    const passages: Command[] = themes.map((t) => ({
      id: `passages-${t.id}`,
      name: `Passages: ${t.name}`,
      also: 'theme highlights',
      group: 'Passages',
      run: go(`#/passages/${t.id}`),
    }))
    return [...recent, ...views, ...actions, ...passages]
  }, [recent, themes, range, shell, undo, redo, perform, notify])
}
