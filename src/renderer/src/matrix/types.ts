import type { Matrix as MatrixData } from '@shared/model'

/** A round's row as the grid shows it, with `index`: its place in matrix.rounds (and matrix.cells). */
export type GridRow = MatrixData['rounds'][number] & { index: number }
/** A theme's column as the grid shows it, with `index`: its place in matrix.themes. */
export type GridColumn = MatrixData['themes'][number] & { index: number }

/** The cell whose note is open inside the Matrix (issue 18, item 5), by its indexes in matrix.cells. */
export interface OpenCellNote {
  rowIndex: number
  themeIndex: number
  roundId: number
  themeId: number
  label: string
}
