import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { Membership, clusterIdFor, idHex, memberIdFor, urlString } from './membership.ts';

test('member and cluster IDs are derived as etcd derives them', () => {
  // The default single etcd member (name default, peer http://localhost:2380, token etcd-cluster)
  // is 8e9e05c52164694d in cluster cdf818194e3a8c32 — values any etcd user has seen.
  const id = memberIdFor(['http://localhost:2380'], 'etcd-cluster');
  assert.equal(idHex(id), '8e9e05c52164694d');
  assert.equal(idHex(clusterIdFor([id])), 'cdf818194e3a8c32');
  // Order of peer URLs and of member IDs does not matter.
  assert.equal(
    memberIdFor(['http://b:2', 'http://a:1'], 't'),
    memberIdFor(['http://a:1', 'http://b:2'], 't'),
  );
  assert.equal(clusterIdFor([1n, 2n]), clusterIdFor([2n, 1n]));
  // A runtime-added member mixes in the time, so re-adding the same URLs gives a new ID.
  assert.notEqual(memberIdFor(['http://a:1'], 't', 100), memberIdFor(['http://a:1'], 't', 101));
});

test('urlString prints URLs like Go does', () => {
  assert.equal(urlString(new URL('http://localhost:2380')), 'http://localhost:2380');
  assert.equal(urlString(new URL('http://127.0.0.1:2380/x')), 'http://127.0.0.1:2380/x');
});

test('membership survives a reload from the backend', () => {
  const be = new MemoryBackend();
  const ms = new Membership(be, 7n);
  ms.saveClusterId();
  ms.add({ id: 2n, name: 'b', peerURLs: ['http://b:2380'], clientURLs: [], isLearner: true });
  ms.add({ id: 1n, name: 'a', peerURLs: ['http://a:2380'], clientURLs: ['http://a:2379'], isLearner: false });
  ms.update(2n, { isLearner: false, clientURLs: ['http://b:2379'] });
  ms.add({ id: 3n, name: 'c', peerURLs: ['http://c:2380'], clientURLs: [], isLearner: false });
  ms.remove(3n);
  const again = new Membership(be, 0n);
  assert.equal(again.clusterId, 7n);
  assert.deepEqual(
    again.list().map((m) => [m.id, m.name, m.isLearner, m.clientURLs]),
    [
      [1n, 'a', false, ['http://a:2379']],
      [2n, 'b', false, ['http://b:2379']],
    ],
  );
  assert.ok(again.isRemoved(3n));
  assert.equal(again.get(3n), undefined);
});
