import { contextBridge, ipcRenderer } from 'electron';
import { createReconApi } from './createReconApi';

contextBridge.exposeInMainWorld('recon', createReconApi(ipcRenderer));
