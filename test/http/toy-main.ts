// Runs the toy behind the front on a given port, for manual checks: npx tsx test/http/toy-main.ts 23799
import { startFront } from '../../src/http/server.ts';
import { healthHandler, versionHandler } from '../../src/http/endpoints.ts';
import { ToyKv } from './toy-kv.ts';

const port = Number(process.argv[2] ?? 0);
const toy = new ToyKv();
const front = await startFront({
  listen: [new URL(`http://127.0.0.1:${port}`)],
  handlers: toy.handlers(),
  httpRoutes: new Map([
    ['/health', healthHandler(async () => ({ health: true }))],
    ['/version', versionHandler({ etcdserver: '3.4.23', etcdcluster: '3.4.0' })],
  ]),
});
toy.clientURLs = front.addresses.map((u) => u.origin);
console.log(front.addresses.map((u) => u.href).join(' '));
process.on('SIGTERM', () => void front.close().then(() => process.exit(0)));
