/** Web links in notes may only be http(s) or mailto: no javascript:, file:, data: or custom schemes. */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol)
  } catch {
    return false
  }
}
