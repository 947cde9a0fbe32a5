// The second thread of sql-threads.ts: reads the groups it claims and posts each reading as JSON.
import { parentPort } from 'node:worker_threads';
import { keepShapes } from './kept-shapes.js';
import { loadParser } from './pg-parser.js';
import { readSqlGroup } from './sql.js';
import type { WorkerJob, WorkerResult } from './sql-threads.js';

await loadParser();
parentPort!.on('message', ({ groups, file, shared, port }: WorkerJob) => {
  for (let i = Atomics.add(shared, 0, 1); i < groups.length; i = Atomics.add(shared, 0, 1)) {
    let json: string | undefined;
    try {
      json = JSON.stringify(readSqlGroup(groups[i]!, file));
    } catch {
      // The main thread reads the group again, and reports what went wrong.
    }
    port.postMessage({ index: i, json } satisfies WorkerResult);
    Atomics.store(shared, 1 + i, 1);
    Atomics.notify(shared, 1 + i);
  }
  port.close();
  keepShapes();
});
