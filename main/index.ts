import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext } from './createContext';
import { electronEmitter, registerIpc } from './ipc/registerIpc';
import { createMainWindow } from './window/createMainWindow';

const here = dirname(fileURLToPath(import.meta.url));

/** better-sqlite3 built for Electron's ABI by `npm run rebuild:electron`, kept apart from the Node build the CLI uses. */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  let mainWindow: BrowserWindow | null = null;
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  const rendererUrl = devUrl ?? pathToFileURL(join(here, '../renderer/index.html')).toString();
  const trustedOrigin = devUrl ?? pathToFileURL(join(here, '../renderer/')).toString();
  const storeDir = process.env['RECON_STORE'] ?? join(app.getPath('userData'), 'workspace');
  const nativeBinding = electronNativeBinding();
  const ctx = createContext({
    storeDir,
    engineWorkerPath: join(here, 'engineWorker.js'),
    engineData: { csvParseWorkerPath: join(here, 'csvParseWorker.js'), snapshotWorkerPath: join(here, 'snapshotWorker.js') },
    emit: electronEmitter((channel, ...args) => mainWindow?.webContents.send(channel, ...args)),
    ...(nativeBinding ? { open: { nativeBinding } } : {}),
  });
  ctx.chooseFile = async () => {
    if (!mainWindow) return null;
    const picked = await dialog.showOpenDialog(mainWindow, {
      title: 'Import a ledger, processor or bank file',
      properties: ['openFile'],
      filters: [
        { name: 'Statements and exports', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xml', 'sta', 'mt940', 'ofx', 'qfx', 'bai', 'bai2'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  ctx.chooseSavePath = async (title, defaultPath) => {
    if (!mainWindow) return null;
    const picked = await dialog.showSaveDialog(mainWindow, {
      title,
      defaultPath,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    return picked.canceled || !picked.filePath ? null : picked.filePath;
  };
  registerIpc(ctx, trustedOrigin, () => mainWindow?.webContents.id ?? null);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), rendererUrl });
  app.on('window-all-closed', () => {
    void ctx.close().finally(() => app.quit());
  });
}

start().catch((error: unknown) => {
  dialog.showErrorBox('Recon Desk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
