// Abort races in pumpResponses that stream-pump.test.ts does not cover (review of the orAbort change).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pumpResponses } from './stream-pump.ts';

async function* count(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

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
