import { useEffect, useState } from 'react'
import type { RoundSpeaker } from '@shared/contract-claims'
import { api } from '../api'
import { useNotebook } from '../state/notebook'
import { shortQuote } from './links'
import './claims.css'

/** Per outlet, the speakers the round's articles quote and how often; each cell opens the article of its first passage. */
export function WhoSpeaks({ roundId }: { roundId: number }): React.JSX.Element | null {
  const { revision, perform } = useNotebook()
  const [speakers, setSpeakers] = useState<RoundSpeaker[] | null>(null)
  useEffect(() => {
    let live = true
    api['claims.speakers']({ roundId }).then(
      (list) => live && setSpeakers(list),
      () => live && setSpeakers([]),
    )
    return () => {
      live = false
    }
  }, [roundId, revision])
  const merge = (from: RoundSpeaker, into: RoundSpeaker): void => {
    void perform(
      () => api['claims.mergeSpeaker']({ from: from.key, into: into.key, name: from.speaker }),
      () => ({
        label: `merge ${from.speaker} into ${into.speaker}`,
        undo: () => api['claims.unmergeSpeaker']({ from: from.key }),
        redo: () => api['claims.mergeSpeaker']({ from: from.key, into: into.key, name: from.speaker }),
      }),
    )
  }
  const unmerge = (into: RoundSpeaker, from: { key: string; name: string }): void => {
    void perform(
      () => api['claims.unmergeSpeaker']({ from: from.key }),
      () => ({
        label: `separate ${from.name} from ${into.speaker}`,
        undo: () => api['claims.mergeSpeaker']({ from: from.key, into: into.key, name: from.name }),
        redo: () => api['claims.unmergeSpeaker']({ from: from.key }),
      }),
    )
  }
  if (!speakers) return null
  const outlets = [...new Set(speakers.flatMap((s) => s.outlets.map((o) => o.outlet)))].sort()
  const shown = speakers.slice(0, 20)
  return (
    <section className="who-speaks" aria-label="Who speaks">
      <h3>
        Who speaks <span className="muted">{speakers.length}</span>
      </h3>
      {speakers.length === 0 ? (
        <p className="small muted">No one is quoted by name in this round’s articles.</p>
      ) : (
        <div className="who-speaks-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                {outlets.map((o) => (
                  <th key={o} scope="col">
                    {o}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.key}>
                  <th scope="row" title={s.spellings.join(' · ')}>
                    {s.speaker}
                    {s.merged.map((m) => (
                      <button
                        key={m.key}
                        type="button"
                        className="link small speaker-merged"
                        onClick={() => unmerge(s, m)}
                        aria-label={`Separate ${m.name} from ${s.speaker}`}
                      >
                        {' '}
                        + {m.name} ✕
                      </button>
                    ))}
                    <select
                      className="speaker-merge"
                      aria-label={`Merge ${s.speaker} into`}
                      value=""
                      onChange={(e) => {
                        const into = speakers.find((x) => x.key === e.target.value)
                        if (into) merge(s, into)
                      }}
                    >
                      <option value="">Same as…</option>
                      {speakers
                        .filter((x) => x.key !== s.key)
                        .map((x) => (
                          <option key={x.key} value={x.key}>
                            {x.speaker}
                          </option>
                        ))}
                    </select>
                  </th>
                  {outlets.map((o) => {
                    const cell = s.outlets.find((x) => x.outlet === o)
                    const first = cell?.passages[0]
                    return (
                      <td key={o}>
                        {cell && first ? (
                          <a href={`#/article/${first.articleId}`} title={cell.passages.map((p) => shortQuote(p.text, 160)).join('\n')}>
                            {cell.passages.length}
                          </a>
                        ) : (
                          <span className="muted">·</span>
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {speakers.length > shown.length ? <p className="small muted">The 20 most quoted of {speakers.length}.</p> : null}
        </div>
      )}
    </section>
  )
}
