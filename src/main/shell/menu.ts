import type { MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'

import { MENU_COMMANDS, type MenuCommand } from '../../shared/contract'

export { MENU_COMMANDS, type MenuCommand }

export interface MenuActions {
  newNotebook(): void
  openNotebook(): void
  openRecent(path: string): void
  clearRecent(): void
  importArticles(): void
  command(command: MenuCommand): void
  about(): void
  showNotebookFolder(): void
}

export interface MenuContext {
  platform: NodeJS.Platform
  /** Development build: adds reload and developer tools; never in a packaged app. */
  isDev: boolean
  appName: string
  recent: readonly string[]
  actions: MenuActions
}

/**
 * The application menu. Standard items use roles (native labels, shortcuts and localisation); the app's
 * own items use CmdOrCtrl accelerators. macOS gets the app menu and keeps ⌘H/⌘M/⌘Q/⌘W for the system;
 * Windows and Linux get Settings and Exit in File and About in Help.
 */
export function menuTemplate({ platform, isDev, appName, recent, actions }: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const cmd = (command: MenuCommand) => () => actions.command(command)
  const recentItems: MenuItemConstructorOptions[] = [
    ...recent.map((path) => ({ label: basename(path), sublabel: path, click: () => actions.openRecent(path) })),
    ...(recent.length ? [{ type: 'separator' as const }] : []),
    { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
  ]
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: cmd('settings') }

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Notebook…', accelerator: 'CmdOrCtrl+N', click: () => actions.newNotebook() },
      { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+O', click: () => actions.openNotebook() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'New Note', accelerator: 'CmdOrCtrl+Alt+N', click: cmd('new-note') },
      { label: 'Import Articles…', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.importArticles() },
      { label: 'Export Vault…', accelerator: 'CmdOrCtrl+Shift+E', click: cmd('export') },
      { type: 'separator' },
      { label: 'Show Notebook Folder', click: () => actions.showNotebookFolder() },
      { type: 'separator' },
      ...(mac ? [{ role: 'close' as const }] : [settings, { type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: cmd('find') },
      { label: 'Find in Notebook', accelerator: 'CmdOrCtrl+Shift+F', click: cmd('find-in-notebook') },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Command Palette', accelerator: 'CmdOrCtrl+K', click: cmd('command-palette') },
      { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+\\', click: cmd('toggle-sidebar') },
      { type: 'separator' },
      { label: 'Library', accelerator: 'CmdOrCtrl+0', click: cmd('view-library') },
      { label: 'Matrix', accelerator: 'CmdOrCtrl+1', click: cmd('view-matrix') },
      { label: 'Timeline', accelerator: 'CmdOrCtrl+2', click: cmd('view-timeline') },
      { label: 'Reader', accelerator: 'CmdOrCtrl+3', click: cmd('view-reader') },
      { label: 'Compare', accelerator: 'CmdOrCtrl+4', click: cmd('view-compare') },
      { label: 'Notes', accelerator: 'CmdOrCtrl+5', click: cmd('view-notes') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [...(mac ? [] : [{ label: `About ${appName}`, click: () => actions.about() }])],
  }

  return [...(mac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help]
}

/** Every item of a template, depth first (for tests and for lookups). */
export function flattenMenu(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flattenMenu(item.submenu) : [])])
}
