import { useSyncExternalStore } from 'react'

const KEY = 'parley.welcome'
const listeners = new Set<() => void>()
const read = (): boolean => localStorage.getItem(KEY) !== 'dismissed'
let open = read()
/** Asked for by name this session: then it shows on any notebook, not only the sample one. */
let asked = false
const set = (value: boolean): void => {
  open = value
  asked = value
  if (value) localStorage.removeItem(KEY)
  else localStorage.setItem(KEY, 'dismissed')
  for (const l of listeners) l()
}

/** Brings the welcome back (command palette: "Show the welcome"). */
export const showWelcome = (): void => set(true)

/**
 * The first thing the sample notebook (first run's, made from seeds/) shows above the Library:
 * what Parley does and three next steps. A notebook of the user's own shows it only when asked for.
 * Not a modal (the library stays usable under it); dismissed once, remembered on this machine.
 */
export function Welcome({ firstArticle, seeded }: { firstArticle: number | null; seeded: boolean }): React.JSX.Element | null {
  const shown = useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => open,
  )
  if (!shown || !(seeded || asked)) return null
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-text">
        <h2 id="welcome-title">Welcome to Parley</h2>
        <p>
          Parley keeps news articles about rounds of talks side by side, so you can mark what each outlet says about each theme, see which
          meetings they report, and write notes that quote them. Everything stays on this computer.
        </p>
      </div>
      <ol className="welcome-steps">
        <li>
          <strong>Read and code an article.</strong> Select a sentence (with the mouse, or F7 and the arrow keys) and press 1, 2 or 3 to
          mark it with a theme. {firstArticle !== null ? <a href={`#/article/${firstArticle}`}>Open an article</a> : null}
        </li>
        <li>
          <strong>Add dates</strong> so articles and rounds find their place in time.{' '}
          <a href="#/library/attention">Articles without a date</a>
        </li>
        <li>
          <strong>Find the rounds.</strong> Parley groups articles that report the same meeting. <a href="#/matrix">See rounds by theme</a>
        </li>
      </ol>
      <p className="welcome-foot muted small">
        Press Ctrl+K (⌘K on a Mac) to go anywhere by name, and ? for every shortcut.
        <button type="button" className="primary" onClick={() => set(false)}>
          Got it
        </button>
      </p>
    </section>
  )
}
