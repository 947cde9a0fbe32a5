import type { ObjectKey } from '../schema/model.js';

export interface Orderable {
  provides: ObjectKey[];
  requires: ObjectKey[];
}

/**
 * Orders statements given in the document's order so that each comes after what it uses:
 * where a statement uses what a statement before it creates, it stays where it is (after that
 * one); where only a later statement creates it, it moves after that one. So the document's
 * own order is kept wherever it runs, and only what must move moves. What nothing provides
 * (built-ins, other databases' objects) orders nothing; a cycle is broken in document order.
 */
export function orderByDependencies<T extends Orderable>(items: T[]): T[] {
  const providers = new Map<ObjectKey, number[]>();
  items.forEach((item, i) => {
    for (const key of item.provides) {
      const list = providers.get(key);
      if (list) list.push(i);
      else providers.set(key, [i]);
    }
  });
  const waitingOn = new Array<number>(items.length).fill(0);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, i) => {
    const before = new Set<number>();
    for (const key of item.requires) {
      const provider = nearest(providers.get(key), i);
      if (provider !== undefined) before.add(provider);
    }
    waitingOn[i] = before.size;
    for (const p of before) dependents[p]!.push(i);
  });

  const ready = new MinQueue();
  items.forEach((_, i) => waitingOn[i] === 0 && ready.push(i));
  const done = new Array<boolean>(items.length).fill(false);
  const ordered: T[] = [];
  let firstLeft = 0;
  while (ordered.length < items.length) {
    let next = ready.pop();
    if (next === undefined) {
      // A cycle: the first statement left, in document order.
      while (done[firstLeft]) firstLeft++;
      next = firstLeft;
    }
    if (done[next]) continue;
    done[next] = true;
    ordered.push(items[next]!);
    for (const d of dependents[next]!) if (--waitingOn[d]! === 0 && !done[d]) ready.push(d);
  }
  return ordered;
}

/** The last provider before `i`, else the first after it; never `i` itself. */
function nearest(providers: number[] | undefined, i: number): number | undefined {
  if (!providers) return undefined;
  let before: number | undefined;
  for (const p of providers) {
    if (p < i) before = p;
    else if (p > i) return before ?? p;
  }
  return before;
}

/** A binary heap of indices: ordering thousands of statements stays O(n log n). */
class MinQueue {
  private heap: number[] = [];

  push(value: number): void {
    const heap = this.heap;
    heap.push(value);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[i]! >= heap[parent]!) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): number | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && heap[l]! < heap[smallest]!) smallest = l;
        if (r < heap.length && heap[r]! < heap[smallest]!) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
