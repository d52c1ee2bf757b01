import { Dialog } from './Dialog'

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

/** The views in the order of the top bar, with their keys (Alt+digit: free in every browser and in Electron). */
export const VIEWS = [
  { name: 'Library', href: '#/library', key: '1' },
  { name: 'Compare', href: '#/compare', key: '2' },
  { name: 'Matrix', href: '#/matrix', key: '3' },
  { name: 'Timeline', href: '#/timeline', key: '4' },
  { name: 'Notes', href: '#/notes', key: '5' },
  { name: 'Themes', href: '#/themes', key: '6' },
  { name: 'Passages', href: '#/passages', key: '7' },
] as const

const SECTIONS: Array<{ title: string; keys: Array<[string, string]> }> = [
  {
    title: 'Anywhere',
    keys: [
      [`${mod}+K or ${mod}+P`, 'Command palette: go to a view, run an action, find an article or note'],
      ['?', 'This list of shortcuts'],
      ...VIEWS.map((v): [string, string] => [`Alt+${v.key}`, `Open ${v.name}`]),
      [`${mod}+Z`, 'Undo'],
      [`${mod}+Shift+Z or ${mod}+Y`, 'Redo'],
      ['Alt+← / Alt+→', 'Back / Forward'],
      [`${mod}+F`, 'Find (search the Library, or in the article you read)'],
      ['Esc', 'Close a dialog, a popover or the palette'],
    ],
  },
  {
    title: 'Reading and coding',
    keys: [
      ['F7', 'Select with the keyboard: the article text takes focus'],
      ['↓ / ↑', 'Then: select the next / previous sentence'],
      ['Shift+↓ / Shift+↑', 'One sentence more / fewer'],
      ['Shift+Alt+→ / ←', 'One word more / fewer at the end'],
      [`${mod}+Shift+Alt+→ / ←`, 'One word fewer / more at the start'],
      ['1 … 9', 'Code the selected text with the theme of that number'],
      ['Enter / Shift+Enter', 'Next / previous match in Find'],
    ],
  },
  {
    title: 'Matrix',
    keys: [
      ['Arrow keys, Home, End, Page Up/Down', 'Move between cells'],
      ['Enter', "Open the cell's round"],
    ],
  },
  {
    title: 'Timeline (when the chart has focus)',
    keys: [
      ['← / →', 'Move back / forward in time'],
      ['+ / −', 'Zoom in / out'],
      ['0', 'Show the whole range'],
    ],
  },
  {
    title: 'Notes',
    keys: [
      [`${mod}+B / ${mod}+I / ${mod}+U`, 'Bold / italic / underline'],
      [`${mod}+K`, 'Link (inside a note)'],
      ['[[', 'Link an article, a note or a round'],
    ],
  },
]

/** `?`: every keyboard shortcut of Parley on one sheet. */
export function ShortcutSheet({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcut-sheet">
      <div className="shortcut-columns">
        {SECTIONS.map((s) => (
          <section key={s.title}>
            <h3>{s.title}</h3>
            <dl>
              {s.keys.map(([k, what]) => (
                <div key={k + what}>
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="details-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
