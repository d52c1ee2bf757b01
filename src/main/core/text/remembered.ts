/**
 * A function's answers remembered per argument, up to `limit` of them (then forgotten at once, not
 * one by one: the callers ask about the few thousand names or lines of the work at hand, again and
 * again, and a hostile notebook must not grow the table without end).
 *
 *   const placeKey = remembered((name: string) => keyOf(name), 50_000)
 */
export function remembered<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const known = new Map<K, V>()
  return (key) => {
    if (known.has(key)) return known.get(key) as V
    const value = compute(key)
    if (known.size >= limit) known.clear()
    known.set(key, value)
    return value
  }
}
