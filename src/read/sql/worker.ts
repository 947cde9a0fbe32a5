// The second thread of threads.ts: reads the groups it claims and posts each reading as JSON.
import { parentPort } from 'node:worker_threads';
import { keepShapes } from '../kept-shapes.js';
import type { CodeBlock } from '../markdown.js';
import { loadParser } from './parser.js';
import { readSqlGroup } from './blocks.js';
import type { WorkerJob, WorkerResult } from './threads.js';

await loadParser();
parentPort!.on('message', ({ groups, file, shared, port }: WorkerJob) => {
  for (let i = Atomics.add(shared, 0, 1); i < groups.length; i = Atomics.add(shared, 0, 1)) {
    let json: string | undefined;
    try {
      json = JSON.stringify(readSqlGroup(groups[i]!.map(asLiteral), file));
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

/**
 * A block made again as an object literal. Blocks arrive as copies whose shape V8 forgets
 * between two jobs, and every function that reads them would be deoptimized on the next
 * job; a literal's shape lives as long as this code.
 */
function asLiteral(block: CodeBlock): CodeBlock {
  return { lang: block.lang, info: block.info, content: block.content, line: block.line, indent: block.indent, headingPath: block.headingPath };
}
