import { useRef, useState } from 'react'
import type { Route } from '../route'
import { useFocusTrap } from './focusTrap'
import { VIEWS } from './ShortcutSheet'

const viewOf = (href: string): string => href.slice(2)

/**
 * The views: tabs in a wide window; below 1000 px one "Views" button whose menu lists them all
 * (nothing scrolls out of sight). The Reader is a tab only while an article is open.
 */
export function TopNav({ route }: { route: Route }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const current = (href: string): 'page' | undefined => (route.view === viewOf(href) ? 'page' : undefined)
  const here = route.view === 'reader' ? 'Reader' : (VIEWS.find((v) => viewOf(v.href) === route.view)?.name ?? 'Library')
  return (
    <>
      <nav className="tabs" aria-label="Views">
        {VIEWS.map((v) => (
          <a key={v.href} href={v.href} aria-current={current(v.href)} title={`${v.name} (Alt+${v.key})`}>
            {v.name}
          </a>
        ))}
        {route.view === 'reader' ? <span aria-current="page">Reader</span> : null}
      </nav>
      <div className="nav-menu">
        <button type="button" className="nav-menu-button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
          ☰ {here}
        </button>
        {open ? <ViewMenu route={route} onClose={() => setOpen(false)} /> : null}
      </div>
    </>
  )
}

function ViewMenu({ route, onClose }: { route: Route; onClose: () => void }): React.JSX.Element {
  const box = useRef<HTMLElement>(null)
  useFocusTrap(box, onClose, '[aria-current=page], a')
  return (
    <>
      <div className="nav-menu-scrim" onClick={onClose} />
      <nav ref={box} className="nav-menu-list" aria-label="Views">
        {VIEWS.map((v) => (
          <a key={v.href} href={v.href} aria-current={route.view === viewOf(v.href) ? 'page' : undefined} onClick={onClose}>
            <span>{v.name}</span>
            <kbd>Alt+{v.key}</kbd>
          </a>
        ))}
      </nav>
    </>
  )
}
