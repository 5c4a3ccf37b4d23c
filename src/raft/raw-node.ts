// RawNode: the application's handle on one raft member (skeleton; filled in by the following commits).
import type { ConfChange, ConfState, Message } from '../api/raft-types.ts';
import type { Config, Ready, Status } from './types.ts';
import { RaftError } from './types.ts';

const notYet = (): never => {
  throw new RaftError('not implemented yet');
};

export class RawNode {
  constructor(readonly config: Config) {}
  bootstrap(_peers: bigint[]): void {
    notYet();
  }
  tick(): void {
    notYet();
  }
  campaign(): void {
    notYet();
  }
  propose(_data: Uint8Array): void {
    notYet();
  }
  proposeConfChange(_cc: ConfChange): void {
    notYet();
  }
  applyConfChange(_cc: ConfChange): ConfState {
    return notYet();
  }
  step(_m: Message): void {
    notYet();
  }
  readIndex(_ctx: Uint8Array): void {
    notYet();
  }
  transferLeader(_transferee: bigint): void {
    notYet();
  }
  reportUnreachable(_id: bigint): void {
    notYet();
  }
  reportSnapshot(_id: bigint, _failed: boolean): void {
    notYet();
  }
  hasReady(): boolean {
    return notYet();
  }
  ready(): Ready {
    return notYet();
  }
  advance(_rd: Ready): void {
    notYet();
  }
  status(): Status {
    return notYet();
  }
}
