// The differential suite with tsetcd as the server: etcdctl 3.4 and tsetcdctl against twin tsetcds.
import { differentialSuite } from './differential-suite.ts';
import { etcdctl, startTsetcdServer, tsetcdctl } from './harness.ts';

differentialSuite({
  title: 'etcdctl→tsetcd vs tsetcdctl→tsetcd',
  a: { tool: etcdctl, start: startTsetcdServer },
  b: { tool: tsetcdctl, start: startTsetcdServer },
});
