// tsetcdctl against etcdctl 3.4, command by command and format by format, on twin real etcds.
import { differentialSuite } from './differential-suite.ts';
import { etcdctl, startRealEtcd, tsetcdctl } from './harness.ts';

differentialSuite({
  title: 'etcdctl→etcd vs tsetcdctl→etcd',
  a: { tool: etcdctl, start: startRealEtcd },
  b: { tool: tsetcdctl, start: startRealEtcd },
  help: true,
});
