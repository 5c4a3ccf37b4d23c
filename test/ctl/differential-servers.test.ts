// The differential suite with the tool fixed and the server varied: etcdctl 3.4 against a real etcd and
// against tsetcd. Outputs of read-only command lines are compared; state-changing ones by exit code.
import { differentialSuite } from './differential-suite.ts';
import { etcdctl, startRealEtcd, startTsetcdServer } from './harness.ts';

differentialSuite({
  title: 'etcdctl→etcd vs etcdctl→tsetcd (read-only outputs)',
  a: { tool: etcdctl, start: startRealEtcd },
  b: { tool: etcdctl, start: startTsetcdServer },
  readOnly: true,
});
