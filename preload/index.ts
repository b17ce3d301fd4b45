import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createReconApi } from './createReconApi';
import { forwardDroppedFiles, type DropTarget } from './forwardDroppedFiles';

contextBridge.exposeInMainWorld('recon', createReconApi(ipcRenderer));
forwardDroppedFiles(globalThis as unknown as DropTarget, ipcRenderer, webUtils);
