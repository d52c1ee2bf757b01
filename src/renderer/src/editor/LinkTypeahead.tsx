import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { LexicalTypeaheadMenuPlugin, MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin'
import { $createTextNode, type TextNode } from 'lexical'
import type { LinkTarget } from '@shared/model'
import { $createRefNode } from '@shared/editor/RefNode'
import { api } from '../api'

class TargetOption extends MenuOption {
  constructor(readonly target: LinkTarget) {
    super(`${target.kind}-${target.id}`)
  }
}

/** `[[` followed by up to 60 characters, at the caret. */
export function matchDoubleBracket(text: string): MenuTextMatch | null {
  const m = /(^|[^[])\[\[([^\]\n[]{0,60})$/.exec(text)
  if (!m) return null
  return { leadOffset: m.index + (m[1] ?? '').length, matchingString: m[2] ?? '', replaceableString: `[[${m[2] ?? ''}` }
}

const KIND_LABEL = { article: 'Article', note: 'Note', round: 'Round', theme: 'Theme' } as const

/** Typing `[[` opens a fuzzy, keyboard-navigable list of articles, notes, rounds and themes. */
export function LinkTypeahead(): React.JSX.Element {
  const [editor] = useLexicalComposerContext()
  const [query, setQuery] = useState<string | null>(null)
  const [options, setOptions] = useState<TargetOption[]>([])

  useEffect(() => {
    if (query === null) return
    let live = true
    api['links.search']({ query, limit: 12 }).then(
      (list) => live && setOptions(list.map((t) => new TargetOption(t))),
      () => live && setOptions([]),
    )
    return () => {
      live = false
    }
  }, [query])

  return (
    <LexicalTypeaheadMenuPlugin<TargetOption>
      triggerFn={matchDoubleBracket}
      onQueryChange={setQuery}
      options={options}
      onSelectOption={(option, textNode: TextNode | null, close) => {
        editor.update(() => {
          const ref = $createRefNode({ kind: option.target.kind, id: option.target.id, label: option.target.title })
          if (textNode) textNode.replace(ref)
          ref.insertAfter($createTextNode(' '))
          ref.selectNext(1, 1)
        })
        close()
      }}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options: list }) =>
        anchor.current && list.length
          ? createPortal(
              <ul className="typeahead" role="listbox" aria-label="Link to">
                {list.map((option, i) => (
                  <li
                    key={option.key}
                    ref={option.setRefElement}
                    role="option"
                    aria-selected={selectedIndex === i}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      selectOptionAndCleanUp(option)
                    }}
                  >
                    <span className="typeahead-title">{option.target.title}</span>
                    <span className="typeahead-kind">{KIND_LABEL[option.target.kind]}</span>
                    <span className="typeahead-detail">{option.target.detail}</span>
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  )
}
