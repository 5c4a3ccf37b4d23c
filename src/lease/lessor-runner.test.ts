import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { Lessor } from './lessor.ts';
import { LessorRunner } from './lessor-runner.ts';
import { FakeClock } from './testing.ts';

test('the runner ticks every interval and hands expired leases to onExpired', (t) => {
  mock.timers.enable({ apis: ['setInterval'] });
  t.after(() => mock.timers.reset());
  const clock = new FakeClock();
  const lessor = new Lessor({ backend: new MemoryBackend(), now: clock.now });
  const rounds: bigint[][] = [];
  const runner = new LessorRunner(lessor, {
    onExpired: (ids) => {
      rounds.push(ids);
      for (const id of ids) lessor.revoke(id); // what the server's proposed revoke does on apply
    },
  });
  lessor.promote(0);
  lessor.grant(1n, 2);
  lessor.grant(2n, 3);
  runner.start();
  assert.equal(runner.running, true);
  const step = () => {
    clock.advance(500);
    mock.timers.tick(500);
  };
  for (let i = 0; i < 3; i++) step();
  assert.deepEqual(rounds, []);
  step(); // 2.0 s
  assert.deepEqual(rounds, [[1n]]);
  step();
  step(); // 3.0 s
  assert.deepEqual(rounds, [[1n], [2n]]);
  runner.stop();
  lessor.grant(3n, 2);
  for (let i = 0; i < 10; i++) step();
  assert.deepEqual(rounds.length, 2, 'no rounds after stop');
});

test('an onExpired that throws goes to onError and the runner keeps going', () => {
  const clock = new FakeClock();
  const lessor = new Lessor({ backend: new MemoryBackend(), now: clock.now });
  const errors: unknown[] = [];
  const runner = new LessorRunner(lessor, {
    onExpired: () => {
      throw new Error('propose failed');
    },
    onError: (e) => errors.push(e),
  });
  lessor.promote(0);
  lessor.grant(1n, 2);
  clock.advance(2000);
  runner.round();
  clock.advance(3000);
  runner.round(); // reported again after the retry interval
  assert.equal(errors.length, 2);
});
