import type { Handlers } from '../../../shared/contract'
import type { HandlerContext } from '../handlers'
import { checkPageDestination } from './destination'
import { exportKey, exportVault } from './vault'

/**
 * notebook.export. Who names the folder: the page (only folders checkPageDestination allows) or the
 * terminal (`parley export --out DIR`: any folder the user typed).
 */
export function exportHandlers({ db, emit }: HandlerContext, from: 'page' | 'terminal'): Pick<Handlers, 'notebook.export'> {
  return {
    'notebook.export': ({ dir, wikilinks }) =>
      exportVault(db, from === 'terminal' ? dir : checkPageDestination(dir, exportKey(db)), {
        wikilinks,
        onProgress: (done, total) => emit('export.progress', { done, total }),
      }),
  }
}
