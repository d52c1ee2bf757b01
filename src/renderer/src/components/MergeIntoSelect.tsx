/**
 * The "Merge into…" drop-down of an item (a theme, a round): every other item by name; the
 * chosen id as a string, '' for none. The merge itself is the caller's, on its Merge button.
 */
export function MergeIntoSelect<T extends { id: number }>({
  label,
  items,
  self,
  name,
  value,
  onChange,
}: {
  label: string
  items: readonly T[]
  /** The item being merged: not offered as its own target. */
  self: number
  name: (item: T) => string
  value: string
  onChange: (value: string) => void
}): React.JSX.Element {
  return (
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
  )
}
