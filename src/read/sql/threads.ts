// A large document's SQL is read on two threads. Both claim groups of blocks from a shared
// counter and read them whole (parse, then model fragments); the worker hands its results
// back as JSON, which costs this thread a fifth of reading them itself. This thread never
// waits for the worker to start, and while the worker is in the middle of the group it needs
// next, it reads a later one.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CodeBlock } from '../markdown.js';
import type { ReadResult } from './blocks.js';

export type GroupReader = (blocks: CodeBlock[], file: string) => ReadResult;

/** A job for the worker: `shared[0]` is the next group to claim, `shared[1 + i]` becomes 1 once group i is posted. */
export interface WorkerJob {
  groups: CodeBlock[][];
  file: string;
  shared: Int32Array;
  port: MessagePort;
}

/** The worker's answer for one group: its reading as JSON, or nothing when reading it failed. */
export interface WorkerResult {
  index: number;
  json?: string;
}

/** Below this much code, a second thread costs more than it saves. */
const THREAD_THRESHOLD = 256 * 1024;
/** A worker that has not answered in this long is gone: its groups are read here. */
const WORKER_TIMEOUT_MS = 10_000;

const WORKER = new URL('./worker.js', import.meta.url);
let worker: Worker | null | undefined;

function readingWorker(): Worker | undefined {
  if (worker === undefined) {
    // From the TypeScript sources (the tests) there is no compiled worker: all is read here.
    worker = existsSync(fileURLToPath(WORKER)) ? new Worker(WORKER) : null;
    worker?.unref();
    worker?.on('error', () => { worker = null; });
  }
  return worker ?? undefined;
}

/** Every group read by `read`, in order. */
export function readGroups(groups: CodeBlock[][], file: string, read: GroupReader): ReadResult[] {
  const size = groups.reduce((n, group) => group.reduce((m, block) => m + block.content.length, n), 0);
  const thread = groups.length > 1 && size >= THREAD_THRESHOLD ? readingWorker() : undefined;
  if (!thread) return groups.map((group) => read(group, file));

  const shared = new Int32Array(new SharedArrayBuffer(4 * (groups.length + 1)));
  const { port1: answers, port2 } = new MessageChannel();
  thread.postMessage({ groups, file, shared, port: port2 } satisfies WorkerJob, [port2]);
  const results: (ReadResult | undefined)[] = new Array(groups.length);
  /** Reads the next unclaimed group here (in order, so group i when the worker has not claimed it); false when none is left. */
  const claim = (): boolean => {
    const i = Atomics.add(shared, 0, 1);
    if (i >= groups.length) return false;
    results[i] = read(groups[i]!, file);
    return true;
  };
  let workerGone = false;
  try {
    for (let i = 0; i < groups.length; i++) {
      while (results[i] === undefined) {
        const answer = receiveMessageOnPort(answers)?.message as WorkerResult | undefined;
        if (answer) results[answer.index] = answer.json === undefined ? read(groups[answer.index]!, file) : JSON.parse(answer.json);
        else if (workerGone) results[i] = read(groups[i]!, file);
        else if (!claim() && Atomics.wait(shared, 1 + i, 0, WORKER_TIMEOUT_MS) === 'timed-out') workerGone = true;
      }
    }
  } finally {
    answers.close();
  }
  return results as ReadResult[];
}
