import { useEffect, useState } from 'react'
import type { Round } from '@shared/model'
import { useNotebook } from '../state/notebook'
import { acceptRound, deleteRound, mergeRounds, moveRoundArticle, splitRound, updateRound } from '../state/rounds'
import { formatRoundDate } from './dates'
import { Backlinks } from '../components/Backlinks'
import { OutletComparison } from './OutletComparison'
import { RoundClaims, RoundLinks } from '../claims/RoundClaims'
import { WhoSpeaks } from '../claims/WhoSpeaks'
import { useConfirm } from '../components/Dialog'
import { MergeInto } from '../components/MergeInto'

/** A round's details (all editable), its articles (move, remove, split), why it was proposed, and its outlets compared. */
export function RoundPanel({ round, rounds, onClose }: { round: Round; rounds: Round[]; onClose: () => void }): React.JSX.Element {
  const { perform, notify } = useNotebook()
  const confirm = useConfirm()
  const [title, setTitle] = useState(round.title)
  const [date, setDate] = useState(round.date ?? '')
  const [venue, setVenue] = useState(round.venue ?? '')
  const [participants, setParticipants] = useState(round.participants.join(', '))
  const [summary, setSummary] = useState(round.summary)
  const [picked, setPicked] = useState<number[]>([])
  const [mergeInto, setMergeInto] = useState('')
  const cellTheme = useCellTheme()

  const save = (): void => {
    const patch = {
      title: title.trim() || round.title,
      date: date.trim() || null,
      venue: venue.trim() || null,
      participants: participants
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      summary,
    }
    const action = updateRound(round, patch)
    void perform(action.run, action.undoable)
  }
  // Deleting is undone by rounds.restore, so it acts at once and offers Undo; merging has no exact undo, so it asks first.
  const remove = async (): Promise<void> => {
    const action = deleteRound(round)
    const done = await perform(action.run, action.undoable)
    if (done) {
      notify(`Deleted “${round.title}”; its articles stay in the library. Undo brings it back.`, 'info', true)
      onClose()
    }
  }
  const move = (articleId: number, toId: number | null): void => {
    const action = moveRoundArticle(round, articleId, toId)
    void perform(action.run, action.undoable)
  }
  const split = (): void => {
    const action = splitRound(round, picked)
    void perform(action.run, action.undoable)
    setPicked([])
  }
  const merge = async (): Promise<void> => {
    const target = rounds.find((r) => r.id === Number(mergeInto))
    if (!target) return
    const ok = await confirm({
      title: `Merge “${round.title}” into “${target.title}”?`,
      body: `Its ${round.articles.length} article${round.articles.length === 1 ? ' joins' : 's join'} “${target.title}”. Undo cannot separate them again; split the round to do that.`,
      confirm: 'Merge',
    })
    if (!ok) return
    const action = mergeRounds(round, target, notify)
    await perform(action.run, action.undoable)
    onClose()
  }

  return (
    <aside className="round-panel" aria-label="Round">
      <div className="popover-head">
        <strong>{round.title}</strong>
        <button type="button" className="link" onClick={onClose} aria-label="Close round">
          ✕
        </button>
      </div>
      <p className="small muted">
        {round.status === 'proposed' ? 'Proposed by Parley' : 'Accepted'} · {formatRoundDate(round.date)}{' '}
        {round.venue ? `· ${round.venue}` : ''}
      </p>
      {round.status === 'proposed' ? (
        <button
          type="button"
          className="primary"
          onClick={() => {
            const action = acceptRound(round, notify)
            void perform(action.run, action.undoable)
          }}
        >
          Accept this round
        </button>
      ) : null}
      {round.reasons.length ? (
        <details className="reasons" open={round.status === 'proposed'}>
          <summary>Why Parley proposed it</summary>
          <ul className="small">
            {round.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <form
        className="round-form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Date (YYYY-MM-DD, or YYYY-MM)
          <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="unknown" />
        </label>
        <label>
          Venue
          <input value={venue} onChange={(e) => setVenue(e.target.value)} placeholder="City" />
        </label>
        <label>
          Participants (comma-separated)
          <input value={participants} onChange={(e) => setParticipants(e.target.value)} />
        </label>
        <label>
          Summary
          <textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <button type="submit">Save round</button>
      </form>
      <h3>Articles</h3>
      <ul className="round-articles">
        {round.articles.map((a) => (
          <li key={a.articleId}>
            <input
              type="checkbox"
              aria-label={`Select ${a.title} to split`}
              checked={picked.includes(a.articleId)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, a.articleId] : picked.filter((x) => x !== a.articleId))}
            />
            <div>
              <a href={`#/article/${a.articleId}`}>{a.title}</a>
              <div className="small muted">
                {a.outlet ?? 'Unknown outlet'} · {a.role === 'reports' ? 'reports it' : 'mentions it'}
                {a.source === 'user' ? ' · placed by you' : ''}
              </div>
            </div>
            <select
              aria-label={`Move ${a.title} to`}
              value=""
              onChange={(e) => e.target.value && move(a.articleId, e.target.value === 'none' ? null : Number(e.target.value))}
            >
              <option value="">Move to…</option>
              <option value="none">No round</option>
              {rounds
                .filter((r) => r.id !== round.id)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
            </select>
          </li>
        ))}
      </ul>
      <div className="round-actions">
        <button type="button" disabled={picked.length === 0 || picked.length === round.articles.length} onClick={split}>
          Split selected into a new round
        </button>
        <MergeInto
          label="Merge into"
          items={rounds}
          self={round.id}
          name={(r) => r.title}
          value={mergeInto}
          onChange={setMergeInto}
          onMerge={() => void merge()}
        />
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete round
        </button>
      </div>
      <Backlinks kind="round" id={round.id} />
      <OutletComparison roundId={round.id} />
      <RoundLinks roundId={round.id} themeId={cellTheme} />
      <RoundClaims roundId={round.id} />
      <WhoSpeaks roundId={round.id} />
    </aside>
  )
}

/** The theme of a Matrix cell whose claims were asked for (#/matrix/<round>/claims/<theme>), else null. */
function useCellTheme(): number | null {
  const read = (): number | null => {
    const m = /^#\/matrix\/\d+\/claims\/(\d+)/.exec(window.location.hash)
    return m ? Number(m[1]) : null
  }
  const [theme, setTheme] = useState(read)
  useEffect(() => {
    const changed = (): void => setTheme(read())
    window.addEventListener('hashchange', changed)
    return () => window.removeEventListener('hashchange', changed)
  }, [])
  return theme
}
