// The TypeScript etcd v3 client (to be published as `tsetcd/client`).
export { Client, isAuthFailure, bytes, prefixEnd, int64, uint64, toNum, toBig } from './client.ts';
export type { ClientOptions, CallOptions, Bytes, Int64, ReqOf, ResOf } from './client.ts';
export type { TlsOptions } from './channel-pool.ts';
export { parseEndpoint, type Endpoint } from './endpoints.ts';
export { errorText, toEtcdError, isEndpointFailure, GRPC_CODE_NAMES, DEADLINE_TEXT } from './client-error.ts';
export { Watch, type WatchOptions } from './watch.ts';
export { LeaseKeepAlive } from './lease-keepalive.ts';
export { AsyncQueue } from './async-queue.ts';
export { EtcdError } from '../api/errors.ts';
