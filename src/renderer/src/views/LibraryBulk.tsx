import { useEffect, useState } from 'react'
import type { Round } from '@shared/model'
import { api, errorMessage } from '../api'
import { useArticleActions } from '../state/articles'
import { useNotebook } from '../state/notebook'
import { compareHref } from './Compare'

type Mode = null | 'outlet' | 'date' | 'round'

const articlesText = (n: number): string => `${n} article${n === 1 ? '' : 's'}`

/**
 * What a Library selection can do at once: compare (2–4), set outlet, set date, add to a round,
 * delete. Every action is one call (one transaction) and one Undo.
 */
export function LibraryBulk({
  selected,
  titleOf,
  onClear,
}: {
  selected: number[]
  titleOf: (id: number) => string | undefined
  onClear: () => void
}): React.JSX.Element {
  const [mode, setMode] = useState<Mode>(null)
  const [outlet, setOutlet] = useState('')
  const [date, setDate] = useState('')
  const [rounds, setRounds] = useState<Round[] | null>(null)
  const [roundId, setRoundId] = useState('')
  const { remove, update, addToRound } = useArticleActions()
  const { notify } = useNotebook()
  const n = selected.length
  const label = n === 1 ? `“${titleOf(selected[0] as number) ?? 'the article'}”` : articlesText(n)

  useEffect(() => {
    if (mode !== 'round' || rounds) return
    api['rounds.list']({}).then(setRounds, (e: unknown) => notify(errorMessage(e), 'error'))
  }, [mode, rounds, notify])

  const close = (): void => setMode(null)
  const apply = async (): Promise<void> => {
    let ok = false
    if (mode === 'outlet') {
      const value = outlet.trim()
      ok = await update(
        selected.map((id) => ({ id, outlet: value || null })),
        value ? `set outlet “${value}” on ${articlesText(n)}` : `clear the outlet of ${articlesText(n)}`,
      )
    } else if (mode === 'date') {
      ok = await update(
        selected.map((id) => ({ id, published: date || null })),
        date ? `set date ${date} on ${articlesText(n)}` : `clear the date of ${articlesText(n)}`,
      )
    } else if (mode === 'round' && roundId) {
      const round = rounds?.find((r) => r.id === Number(roundId))
      ok = await addToRound(Number(roundId), selected, `add ${articlesText(n)} to “${round?.title ?? 'the round'}”`)
    }
    if (ok) close()
  }

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
      <span className="bulk-count">{articlesText(n)} selected</span>
      <a
        className={`button${n < 2 || n > 4 ? ' disabled' : ''}`}
        href={n >= 2 && n <= 4 ? compareHref(selected) : undefined}
        aria-disabled={n < 2 || n > 4}
        title={n < 2 || n > 4 ? 'Compare takes 2 to 4 articles' : undefined}
      >
        Compare
      </a>
      <button type="button" aria-pressed={mode === 'outlet'} onClick={() => setMode(mode === 'outlet' ? null : 'outlet')}>
        Set outlet…
      </button>
      <button type="button" aria-pressed={mode === 'date'} onClick={() => setMode(mode === 'date' ? null : 'date')}>
        Set date…
      </button>
      <button type="button" aria-pressed={mode === 'round'} onClick={() => setMode(mode === 'round' ? null : 'round')}>
        Add to round…
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => {
          void remove([...selected], label).then((done) => done && onClear())
        }}
      >
        Delete
      </button>
      <button type="button" className="link" onClick={onClear}>
        Clear selection
      </button>
      {mode ? (
        <form
          className="bulk-form"
          onSubmit={(e) => {
            e.preventDefault()
            void apply()
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close()
          }}
        >
          {mode === 'outlet' ? (
            <label>
              Outlet for {articlesText(n)}
              <input autoFocus value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="e.g. Interfax (empty clears it)" />
            </label>
          ) : mode === 'date' ? (
            <label>
              Date for {articlesText(n)}
              <input autoFocus type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
          ) : (
            <label>
              Round
              <select autoFocus value={roundId} onChange={(e) => setRoundId(e.target.value)}>
                <option value="">{rounds === null ? 'Loading rounds…' : rounds.length ? 'Choose a round' : 'No rounds yet'}</option>
                {(rounds ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" disabled={mode === 'round' && !roundId}>
            Apply
          </button>
          <button type="button" className="link" onClick={close}>
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  )
}
