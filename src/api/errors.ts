// etcd 3.4's gRPC errors: status code plus the exact message text. Clients (clientv3, etcdctl, the etcd3 npm
// package) recognise errors by their message, so every string here must match etcd byte for byte;
// test/compat/proto-descriptor.test.ts finds each one inside /usr/bin/etcd. Layers raise their own errors
// (mvcc's compacted, lease's not-found, …); the API layer translates them to these, in one place.

/** gRPC status codes (grpc/codes). */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

/** Go's names of the gRPC codes, indexed by code: `rpc error: code = <Name>` texts and Prometheus labels. */
export const GRPC_CODE_NAMES: readonly string[] = [
  'OK',
  'Canceled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
];

const C = GrpcCode;

/**
 * The server-side error table of etcd 3.4 (its rpctypes package), keyed by etcd's name without the
 * `ErrGRPC` prefix. Notes: 3.5's "cluster ID mismatch" does not exist in 3.4. The entries after
 * `BadLeaderTransferee` are not in rpctypes: etcd 3.4 sends such errors through its fallback, as code Unknown
 * with the error's own text (seen from the gateway: `election: no leader` → code 2, HTTP 500).
 */
export const ETCD_ERRORS = {
  EmptyKey: { code: C.INVALID_ARGUMENT, message: 'etcdserver: key is not provided' },
  KeyNotFound: { code: C.INVALID_ARGUMENT, message: 'etcdserver: key not found' },
  ValueProvided: { code: C.INVALID_ARGUMENT, message: 'etcdserver: value is provided' },
  LeaseProvided: { code: C.INVALID_ARGUMENT, message: 'etcdserver: lease is provided' },
  TooManyOps: { code: C.INVALID_ARGUMENT, message: 'etcdserver: too many operations in txn request' },
  DuplicateKey: { code: C.INVALID_ARGUMENT, message: 'etcdserver: duplicate key given in txn request' },
  Compacted: { code: C.OUT_OF_RANGE, message: 'etcdserver: mvcc: required revision has been compacted' },
  FutureRev: { code: C.OUT_OF_RANGE, message: 'etcdserver: mvcc: required revision is a future revision' },
  NoSpace: { code: C.RESOURCE_EXHAUSTED, message: 'etcdserver: mvcc: database space exceeded' },

  LeaseNotFound: { code: C.NOT_FOUND, message: 'etcdserver: requested lease not found' },
  LeaseExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: lease already exists' },
  LeaseTTLTooLarge: { code: C.OUT_OF_RANGE, message: 'etcdserver: too large lease TTL' },

  WatchCanceled: { code: C.CANCELLED, message: 'etcdserver: watch canceled' },

  MemberExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: member ID already exist' },
  PeerURLExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: Peer URLs already exists' },
  MemberNotEnoughStarted: {
    code: C.FAILED_PRECONDITION,
    message: 'etcdserver: re-configuration failed due to not enough started members',
  },
  MemberBadURLs: { code: C.INVALID_ARGUMENT, message: 'etcdserver: given member URLs are invalid' },
  MemberNotFound: { code: C.NOT_FOUND, message: 'etcdserver: member not found' },
  MemberNotLearner: { code: C.FAILED_PRECONDITION, message: 'etcdserver: can only promote a learner member' },
  LearnerNotReady: {
    code: C.FAILED_PRECONDITION,
    message: 'etcdserver: can only promote a learner member which is in sync with leader',
  },
  TooManyLearners: {
    code: C.FAILED_PRECONDITION,
    message: 'etcdserver: too many learner members in cluster',
  },

  RequestTooLarge: { code: C.INVALID_ARGUMENT, message: 'etcdserver: request is too large' },
  RequestTooManyRequests: { code: C.RESOURCE_EXHAUSTED, message: 'etcdserver: too many requests' },

  RootUserNotExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: root user does not exist' },
  RootRoleNotExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: root user does not have root role' },
  UserAlreadyExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: user name already exists' },
  UserEmpty: { code: C.INVALID_ARGUMENT, message: 'etcdserver: user name is empty' },
  UserNotFound: { code: C.FAILED_PRECONDITION, message: 'etcdserver: user name not found' },
  RoleAlreadyExist: { code: C.FAILED_PRECONDITION, message: 'etcdserver: role name already exists' },
  RoleNotFound: { code: C.FAILED_PRECONDITION, message: 'etcdserver: role name not found' },
  RoleEmpty: { code: C.INVALID_ARGUMENT, message: 'etcdserver: role name is empty' },
  AuthFailed: {
    code: C.INVALID_ARGUMENT,
    message: 'etcdserver: authentication failed, invalid user ID or password',
  },
  PermissionDenied: { code: C.PERMISSION_DENIED, message: 'etcdserver: permission denied' },
  RoleNotGranted: { code: C.FAILED_PRECONDITION, message: 'etcdserver: role is not granted to the user' },
  PermissionNotGranted: {
    code: C.FAILED_PRECONDITION,
    message: 'etcdserver: permission is not granted to the role',
  },
  AuthNotEnabled: { code: C.FAILED_PRECONDITION, message: 'etcdserver: authentication is not enabled' },
  InvalidAuthToken: { code: C.UNAUTHENTICATED, message: 'etcdserver: invalid auth token' },
  InvalidAuthMgmt: { code: C.INVALID_ARGUMENT, message: 'etcdserver: invalid auth management' },
  AuthOldRevision: { code: C.INVALID_ARGUMENT, message: 'etcdserver: revision of auth store is old' },

  NoLeader: { code: C.UNAVAILABLE, message: 'etcdserver: no leader' },
  NotLeader: { code: C.FAILED_PRECONDITION, message: 'etcdserver: not leader' },
  LeaderChanged: { code: C.UNAVAILABLE, message: 'etcdserver: leader changed' },
  NotCapable: { code: C.UNAVAILABLE, message: 'etcdserver: not capable' },
  Stopped: { code: C.UNAVAILABLE, message: 'etcdserver: server stopped' },
  Timeout: { code: C.UNAVAILABLE, message: 'etcdserver: request timed out' },
  TimeoutDueToLeaderFail: {
    code: C.UNAVAILABLE,
    message: 'etcdserver: request timed out, possibly due to previous leader failure',
  },
  TimeoutDueToConnectionLost: {
    code: C.UNAVAILABLE,
    message: 'etcdserver: request timed out, possibly due to connection lost',
  },
  TimeoutWaitAppliedIndex: {
    code: C.UNAVAILABLE,
    message: 'etcdserver: request timed out, waiting for the applied index took too long',
  },
  Unhealthy: { code: C.UNAVAILABLE, message: 'etcdserver: unhealthy cluster' },
  Corrupt: { code: C.DATA_LOSS, message: 'etcdserver: corrupt cluster' },
  NotSupportedForLearner: { code: C.UNAVAILABLE, message: 'etcdserver: rpc not supported for learner' },
  BadLeaderTransferee: { code: C.FAILED_PRECONDITION, message: 'etcdserver: bad leader transferee' },

  TimeoutLeaderTransfer: {
    code: C.UNKNOWN,
    message: 'etcdserver: request timed out, leader transfer took too long',
  },

  // The election service's own errors, also sent as code Unknown.
  ElectionNoLeader: { code: C.UNKNOWN, message: 'election: no leader' },
  ElectionNotLeader: { code: C.UNKNOWN, message: 'election: not leader' },
  ElectionMissingLeaderKey: { code: C.UNKNOWN, message: '"leader" field must be provided' },
} as const satisfies Record<string, { code: GrpcCode; message: string }>;

export type EtcdErrorName = keyof typeof ETCD_ERRORS;

const byMessage = new Map<string, EtcdErrorName>(
  (Object.keys(ETCD_ERRORS) as EtcdErrorName[]).map((name) => [ETCD_ERRORS[name].message, name]),
);

/** The table entry whose message is exactly `message`, as etcd's client maps errors; undefined if none. */
export function etcdErrorByMessage(message: string): EtcdErrorName | undefined {
  return byMessage.get(message);
}

/** An error carried to the client as a gRPC status (code + message) or as a JSON gateway error. */
export class EtcdError extends Error {
  override readonly name = 'EtcdError';
  /** Table entry this error came from, when it is one of etcd's known errors. */
  readonly etcdName: EtcdErrorName | undefined;

  constructor(
    readonly code: GrpcCode,
    message: string,
  ) {
    super(message);
    this.etcdName = etcdErrorByMessage(message);
  }

  /** One of etcd's table errors by name: `EtcdError.of('Compacted')`. */
  static of(name: EtcdErrorName): EtcdError {
    const e = ETCD_ERRORS[name];
    return new EtcdError(e.code, e.message);
  }

  /** True when this is the table error `name` (same code and message). */
  is(name: EtcdErrorName): boolean {
    return this.etcdName === name && ETCD_ERRORS[name].code === this.code;
  }

  /** HTTP status the JSON gateway answers with. */
  get httpStatus(): number {
    return httpStatusFromGrpcCode(this.code);
  }
}

/**
 * HTTP status for a gRPC code, as the grpc-gateway (v1) inside etcd 3.4 maps it. Measured on etcd 3.4.23:
 * InvalidArgument, OutOfRange 400; NotFound 404; FailedPrecondition 412 (not 400); ResourceExhausted 429;
 * Unauthenticated 401; DeadlineExceeded 504; Unknown, DataLoss 500. The rest follow the same gateway
 * version (Canceled 408). Codes outside the table answer 500.
 */
export function httpStatusFromGrpcCode(code: number): number {
  return HTTP_STATUS_BY_CODE[code] ?? 500;
}

const HTTP_STATUS_BY_CODE: Readonly<Record<number, number>> = {
  [C.OK]: 200,
  [C.CANCELLED]: 408,
  [C.UNKNOWN]: 500,
  [C.INVALID_ARGUMENT]: 400,
  [C.DEADLINE_EXCEEDED]: 504,
  [C.NOT_FOUND]: 404,
  [C.ALREADY_EXISTS]: 409,
  [C.PERMISSION_DENIED]: 403,
  [C.UNAUTHENTICATED]: 401,
  [C.RESOURCE_EXHAUSTED]: 429,
  [C.FAILED_PRECONDITION]: 412,
  [C.ABORTED]: 409,
  [C.OUT_OF_RANGE]: 400,
  [C.UNIMPLEMENTED]: 501,
  [C.INTERNAL]: 500,
  [C.UNAVAILABLE]: 503,
  [C.DATA_LOSS]: 500,
};

/** The JSON body etcd 3.4's gateway sends with an error: the message twice and the numeric gRPC code. */
export function gatewayErrorBody(
  code: number,
  message: string,
): { error: string; message: string; code: number } {
  return { error: message, message, code };
}
