// The embeddable tsetcd: start a member from TypeScript.
export { startMember, makeLogger, type Member, type StartMemberOptions } from './member.ts';
export { loadConfig, buildConfig, type ServerConfig } from '../server/config.ts';
export { EtcdServer, ETCD_API_VERSION } from '../server/etcd-server.ts';
