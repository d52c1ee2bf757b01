/**
 * The "Merge into…" drop-down of an item (a theme, a round) and its Merge button: every other
 * item by name; the chosen id as a string, '' for none (the button waits for a choice). What a
 * merge does (ask first, undo) is the caller's `onMerge`.
 */
export function MergeInto<T extends { id: number }>({
  label,
  items,
  self,
  name,
  value,
  onChange,
  onMerge,
}: {
  label: string
  items: readonly T[]
  /** The item being merged: not offered as its own target. */
  self: number
  name: (item: T) => string
  value: string
  onChange: (value: string) => void
  onMerge: () => void
}): React.JSX.Element {
  return (
    <>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Merge into…</option>
        {items
          .filter((item) => item.id !== self)
          .map((item) => (
            <option key={item.id} value={item.id}>
              {name(item)}
            </option>
          ))}
      </select>
      <button type="button" disabled={!value} onClick={onMerge}>
        Merge
      </button>
    </>
  )
}
