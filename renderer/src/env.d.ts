import type { ReconApi } from '../../preload/contract';

declare global {
  interface Window {
    recon: ReconApi;
  }
}

declare module '*.css';
