// Moves a handler's response stream onto a transport: one message at a time, honouring the transport's
// backpressure, and stopping the handler's iterator (return()) when the client goes away.

const RETURN_WAIT_MS = 250;

export type PumpOutcome = { kind: 'done' } | { kind: 'aborted' } | { kind: 'error'; error: unknown };

/**
 * Iterates `source` and hands each message to `send` (which may return a promise to apply backpressure) until
 * the source ends, throws, or `signal` aborts. On abort the iterator's return() is called at once, without
 * waiting for a pending next(): a handler blocked on its own work must watch the same signal.
 */
export async function pumpResponses<T>(
  source: () => AsyncIterable<T>,
  signal: AbortSignal,
  send: (message: T) => void | Promise<void>,
): Promise<PumpOutcome> {
  let it: AsyncIterator<T>;
  try {
    it = source()[Symbol.asyncIterator]();
  } catch (error) {
    return { kind: 'error', error };
  }
  let finished = false;
  let returned: Promise<unknown> = Promise.resolve();
  const stop = (): void => {
    if (finished) return;
    finished = true;
    try {
      returned = Promise.resolve(it.return?.()).catch(() => {});
    } catch {
      // a throwing return() has nothing left to clean up for us
    }
  };
  // An aborted pump waits this long for the handler's cleanup (its finally blocks) before reporting.
  const settle = async (): Promise<PumpOutcome> => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([returned, new Promise((r) => (timer = setTimeout(r, RETURN_WAIT_MS)))]);
    clearTimeout(timer);
    return { kind: 'aborted' };
  };
  // Each wait below is raced against the abort by hand. Promise.race([x, aborted]) with one long-lived
  // `aborted` promise would leave a reaction on it per call, kept until the stream ends: a watch stream that
  // lives for days would hold one per message it ever sent.
  let interrupt: ((v: 'aborted') => void) | undefined;
  const onAbort = (): void => {
    stop();
    const i = interrupt;
    interrupt = undefined;
    i?.('aborted');
  };
  const orAbort = <R>(p: Promise<R>): Promise<R | 'aborted'> =>
    new Promise<R | 'aborted'>((resolve, reject) => {
      p.then(resolve, reject);
      // The signal may have fired since the last check (inside send(), say): then there is nothing to wait for.
      if (signal.aborted) resolve('aborted');
      else interrupt = resolve;
    });
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) return await settle();
      const r = await orAbort(it.next());
      interrupt = undefined;
      if (r === 'aborted' || signal.aborted) return await settle();
      if (r.done) {
        finished = true;
        return { kind: 'done' };
      }
      const p = send(r.value);
      if (p) {
        await orAbort(p);
        interrupt = undefined;
      }
      if (signal.aborted) return await settle();
    }
  } catch (error) {
    if (signal.aborted) return await settle();
    // A throwing next() has finished the iterator; a throwing send() has not.
    stop();
    return { kind: 'error', error };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Keeps `p` in `set` until it settles (its rejection is the caller's business, not the set's). */
export function track(set: Set<Promise<unknown>>, p: Promise<unknown>): void {
  const q: Promise<unknown> = p.catch(() => {}).finally(() => set.delete(q));
  set.add(q);
}
