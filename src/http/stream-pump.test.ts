import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pumpResponses } from './stream-pump.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function* count(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

test('every message goes to send in order, then the pump reports done', async () => {
  const seen: number[] = [];
  const outcome = await pumpResponses(
    () => count(5),
    new AbortController().signal,
    (m) => {
      seen.push(m);
    },
  );
  assert.deepEqual(outcome, { kind: 'done' });
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
});

test('an abort while next() is pending ends the pump at once and calls return()', async () => {
  const ac = new AbortController();
  let returned = false;
  const source = (): AsyncIterable<number> => ({
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<number>>(() => {}), // never answers
      return: async () => {
        returned = true;
        return { value: undefined, done: true };
      },
    }),
  });
  setTimeout(() => ac.abort(), 20);
  assert.deepEqual(await pumpResponses(source, ac.signal, () => {}), { kind: 'aborted' });
  assert.equal(returned, true);
});

test('an abort while send() applies backpressure ends the pump', async () => {
  const ac = new AbortController();
  const sent: number[] = [];
  const outcome = pumpResponses(
    () => count(10),
    ac.signal,
    (m) => {
      sent.push(m);
      if (m === 2) {
        setTimeout(() => ac.abort(), 10);
        return new Promise<void>(() => {}); // the transport never drains
      }
    },
  );
  assert.deepEqual(await outcome, { kind: 'aborted' });
  assert.deepEqual(sent, [0, 1, 2]);
});

test('a throwing source or send ends the pump with the error', async () => {
  async function* bad(): AsyncGenerator<number> {
    yield 1;
    throw new Error('source broke');
  }
  const a = await pumpResponses(
    () => bad(),
    new AbortController().signal,
    () => {},
  );
  assert.equal(a.kind, 'error');
  assert.match(String((a as { error: unknown }).error), /source broke/);
  const b = await pumpResponses(
    () => count(3),
    new AbortController().signal,
    () => {
      throw new Error('send broke');
    },
  );
  assert.equal(b.kind, 'error');
  assert.match(String((b as { error: unknown }).error), /send broke/);
});

test('a long stream does not grow the heap per message (no reactions pile up on the abort signal)', async () => {
  // The pump stays open for the whole stream (a watch stream may live for days). Measure the heap kept
  // after 20,000 messages and again after 220,000 on the same pump.
  const ac = new AbortController();
  let sent = 0;
  let at20k = 0;
  let at220k = 0;
  const measure = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const outcome = await pumpResponses(
    () => count(220_001),
    ac.signal,
    async () => {
      sent++;
      if (sent === 20_000) at20k = measure();
      if (sent === 220_000) at220k = measure();
    },
  );
  assert.deepEqual(outcome, { kind: 'done' });
  const grewMiB = (at220k - at20k) / 2 ** 20;
  assert.ok(grewMiB < 4, `heap grew ${grewMiB.toFixed(1)} MiB over 200,000 messages`);
});

// Abort races around orAbort (found in review).
test('an abort raised while send() runs, before it hands back its backpressure promise, ends the pump', async () => {
  // e.g. a write that finds the transport already gone: the signal fires inside send(), and the promise it
  // returns is never settled. The pump must not wait on that promise once the signal has fired.
  const ac = new AbortController();
  const outcome = pumpResponses(
    () => count(10),
    ac.signal,
    (m) => {
      if (m !== 1) return undefined;
      ac.abort();
      return new Promise<void>(() => {});
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 10_000)));
  const r = await Promise.race([outcome, hung]);
  clearTimeout(timer);
  assert.deepEqual(r, { kind: 'aborted' });
});

test('next() rejecting after the abort causes no unhandled rejection', async () => {
  const ac = new AbortController();
  let rejectNext: ((e: unknown) => void) | undefined;
  const source = (): AsyncIterable<number> => ({
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<number>>((_, rej) => (rejectNext = rej)),
      return: async () => ({ value: undefined, done: true }),
    }),
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    setTimeout(() => ac.abort(), 10);
    assert.deepEqual(await pumpResponses(source, ac.signal, () => {}), { kind: 'aborted' });
    assert.ok(rejectNext, 'next() was called');
    rejectNext(new Error('late failure'));
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  assert.deepEqual(unhandled, []);
});

test('a signal aborted before the pump starts: return() is called once and next() never', async () => {
  const ac = new AbortController();
  ac.abort();
  let nexts = 0;
  let returns = 0;
  const source = (): AsyncIterable<number> => ({
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        nexts++;
        return { value: 1, done: false };
      },
      return: async () => {
        returns++;
        return { value: undefined, done: true };
      },
    }),
  });
  assert.deepEqual(await pumpResponses(source, ac.signal, () => {}), { kind: 'aborted' });
  assert.equal(nexts, 0);
  assert.equal(returns, 1);
});

test('a send() promise that rejects after an abort raised inside send() is no unhandled rejection', async () => {
  const ac = new AbortController();
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const outcome = await pumpResponses(
      () => count(10),
      ac.signal,
      (m) => {
        if (m !== 1) return undefined;
        ac.abort();
        return new Promise<void>((_, rej) => setTimeout(() => rej(new Error('write failed')), 10));
      },
    );
    assert.deepEqual(outcome, { kind: 'aborted' });
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  assert.deepEqual(unhandled, []);
});
