const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })

export function formatDate(iso: string | null): string {
  if (!iso) return 'Undated'
  const d = new Date(`${iso}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d)
}

export const formatCount = (n: number): string => new Intl.NumberFormat().format(n)

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
