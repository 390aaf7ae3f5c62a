/**
 * dist/server.js, what editors start: a small launcher that starts the audit worker threads
 * first (src/node/prestartedWorkers.ts), then loads the server itself (dist/serverMain.js,
 * ./main.ts). Started here, a worker boots while the main thread loads the server bundle:
 * on a fresh server, 2 cores, a 3 MB claim file, didOpen → complete diagnostics 799 → 746 ms
 * (median of 7 interleaved opens each).
 */
import { join } from 'node:path';
import { tuneForBursts } from '../node/burstTiering';
import { serverWorkerCount } from '../node/poolSizes';
import { prestartWorkers } from '../node/prestartedWorkers';

tuneForBursts();
prestartWorkers(join(__dirname, 'auditWorker.js'), serverWorkerCount());
// esbuild.js turns this into require('./serverMain.js') in dist/server.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the workers started, on purpose
require('./main');
