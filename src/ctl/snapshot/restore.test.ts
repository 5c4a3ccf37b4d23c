import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { varintFields } from './bbolt-import.ts';
import { newMembers, parseInitialCluster } from './restore.ts';

const base = {
  snapshotPath: 'x',
  dataDir: 'd',
  skipHashCheck: false,
  initialClusterToken: 'etcd-cluster',
};

describe('restore: new membership', () => {
  it("derives etcd's IDs: the default member is 8e9e05c52164694d in cluster cdf818194e3a8c32", () => {
    const m = newMembers({
      ...base,
      name: 'default',
      initialCluster: 'default=http://localhost:2380',
      initialAdvertisePeerUrls: ['http://localhost:2380'],
    });
    assert.equal(m.self.id.toString(16), '8e9e05c52164694d');
    assert.equal(m.clusterId.toString(16), 'cdf818194e3a8c32');
  });

  it('groups repeated names into one member with several peer URLs', () => {
    const urls = parseInitialCluster('a=http://h:1,b=http://h:2,a=http://h:3');
    assert.deepEqual(
      [...urls],
      [
        ['a', ['http://h:1', 'http://h:3']],
        ['b', ['http://h:2']],
      ],
    );
  });

  it("refuses a name missing from the cluster and advertised URLs that differ, with etcd's messages", () => {
    const cfg = { ...base, initialCluster: 'a=http://h:1', initialAdvertisePeerUrls: ['http://h:1'] };
    assert.throws(
      () => newMembers({ ...cfg, name: 'zz' }),
      /^Error: couldn't find local name "zz" in the initial cluster configuration$/,
    );
    assert.throws(
      () => newMembers({ ...cfg, name: 'a', initialAdvertisePeerUrls: ['http://h:9'] }),
      /--initial-cluster has a=http:\/\/h:1 but missing from --initial-advertise-peer-urls=http:\/\/h:9/,
    );
    assert.throws(
      () => newMembers({ ...cfg, name: 'a', initialCluster: 'a=http://h:1,b=http://h:1' }),
      /has duplicate url http:\/\/h:1/,
    );
  });
});

describe('bbolt import: leasepb fields', () => {
  it('reads ID, TTL and RemainingTTL varints, negative IDs as int64', () => {
    // ID = -2 (10-byte varint), TTL = 300, RemainingTTL = 5
    const b = Buffer.from([
      0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x10, 0xac, 0x02, 0x18, 0x05,
    ]);
    assert.deepEqual(
      [...varintFields(b)],
      [
        [1, -2n],
        [2, 300n],
        [3, 5n],
      ],
    );
    assert.throws(() => varintFields(Buffer.from([0x08, 0xff])), /truncated/);
    assert.throws(() => varintFields(Buffer.from([0x0a, 0x00])), /wire type 2/);
  });
});
