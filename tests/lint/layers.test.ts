// Layering by allow-list (issue 20, item 7): ESLint's own Node API on files placed in each layer.
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/**
 * The layering errors ESLint reports for `code` as if it were the file at `path`. lintText with a
 * filePath applies that folder's configuration without writing into the source tree, which other
 * builds and type-checks read at the same time.
 */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'local/layers' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.line}: ${m.message}`)
}

const lines = (...specs: string[]): string => specs.map((s, i) => `import * as m${i} from '${s}'\nvoid m${i}`).join('\n') + '\n'

describe('layering by allow-list', () => {
  it('the core imports only core, shared, node: and its listed packages', async () => {
    const allowed = lines('../db/open', '../../../shared/model', 'node:fs', 'node:fs/promises', 'better-sqlite3', '@lexical/headless')
    expect(await layerErrors('src/main/core/export/probe.ts', allowed)).toEqual([])
    const forbidden = await layerErrors(
      'src/main/core/export/probe.ts',
      [
        lines(
          '../../cli',
          '../../index',
          '../../hosts/http',
          '../../shell/menu',
          '../../security',
          'electron',
          'react',
          'node:http',
          'left-pad',
        ),
        "export type Shell = typeof import('electron')",
        "export const later = () => import('../../hosts/ipc')",
      ].join('\n'),
    )
    // Every one is refused on its own line (node:http also by the no-networking rule).
    expect([...new Set(forbidden.map((m) => Number(m.split(':')[0])))]).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 20, 21])
    expect(forbidden[0]).toContain("src/main/core may not import '../../cli' (src/main/cli)")
  })

  it('the renderer imports only renderer, shared and its UI packages', async () => {
    const allowed = lines('@shared/model', '../../../shared/contract', './offsets', 'react', '@lexical/react/LexicalComposer', 'd3-scale')
    expect(await layerErrors('src/renderer/src/reading/probe.tsx', allowed)).toEqual([])
    const forbidden = await layerErrors(
      'src/renderer/src/reading/probe.tsx',
      lines('../../../main/core/db/open', '../../../preload/index', 'electron', 'better-sqlite3', 'node:fs'),
    )
    expect(forbidden).toHaveLength(5)
  })

  it('the preload imports only the contract and electron', async () => {
    expect(await layerErrors('src/preload/probe.ts', lines('../shared/contract', '../shared/contract-claims', 'electron'))).toEqual([])
    const forbidden = await layerErrors('src/preload/probe.ts', lines('../shared/model', '../main/core/notebook', 'node:fs', 'react'))
    expect(forbidden).toHaveLength(4)
  })

  it('shared imports only shared, zod and lexical', async () => {
    expect(await layerErrors('src/shared/probe.ts', lines('./model', './editor/nodes', 'zod', 'lexical'))).toEqual([])
    expect(
      await layerErrors('src/shared/probe.ts', lines('../main/core/db/open', '../renderer/src/api', 'node:path', 'electron')),
    ).toHaveLength(4)
  })
})
