// Entry point of a forked load generator process: obeys the driver's messages (setup → ready, start →
// result, close → closed) and exits with it.
import { WorkerRun, type WorkerPlan, type WorkerReport } from './worker-run.ts';

export type ToWorker = { type: 'setup'; plan: WorkerPlan } | { type: 'start' } | { type: 'close' };
export type FromWorker =
  | { type: 'hello' }
  | { type: 'ready' }
  | { type: 'result'; report: WorkerReport }
  | { type: 'closed' }
  | { type: 'error'; message: string };

const send = (m: FromWorker): void => {
  process.send!(m);
};

let current: WorkerRun | null = null;

process.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'setup': {
      current?.close();
      const run = new WorkerRun(m.plan);
      current = run;
      run.setup().then(
        () => send({ type: 'ready' }),
        (e: Error) => {
          run.close();
          send({ type: 'error', message: e.message });
        },
      );
      break;
    }
    case 'start':
      if (current === null) send({ type: 'error', message: 'start before setup' });
      else current.run().then((report) => send({ type: 'result', report }));
      break;
    case 'close':
      current?.close();
      current = null;
      send({ type: 'closed' });
      break;
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'hello' });
