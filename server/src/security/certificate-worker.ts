/**
 * The certificate worker body: selfsigned makes one certificate (the CA on a first start, the
 * server's on first start and renewal). It runs in a worker that ends with it so that selfsigned
 * and the X.509/ASN.1 code it carries (~3 MB of heap) leave with the worker instead of staying
 * loaded for the server's whole life; key generation also stays off the event loop.
 */
import { generate } from 'selfsigned';
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../db/worker-thread.js';

const [attrs, options] = workerInput<Parameters<typeof generate>>();
parentPort?.postMessage(await generate(attrs, options));
