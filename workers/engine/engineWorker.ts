import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createEngineApi } from './engineApi';
import { installErrorTransfer } from './errorTransfer';

if (!parentPort) throw new Error('engineWorker must run in a worker thread');
installErrorTransfer();
Comlink.expose(createEngineApi(), nodeEndpoint(parentPort));
