// Linearizability checking (Wing–Gong/Lowe search, P-compositionality) and a model of etcd's KV API.
export type { Operation } from './history.ts';
export { isUnknown, unknownOutcome } from './history.ts';
export type { Model } from './model.ts';
export {
  checkOperations,
  type CheckResult,
  type CheckOptions,
  type PartitionReport,
  type Verdict,
} from './checker.ts';
export { formatReport } from './report.ts';
export {
  etcdModel,
  describeEtcd,
  inRange,
  type EtcdRequest,
  type EtcdResponse,
  type EtcdState,
  type KvRequest,
  type KvResult,
  type KeyValue,
  type Compare,
  type CompareTarget,
  type CompareResult,
} from './etcd-model.ts';
