// The member's plain HTTP endpoints as etcd 3.4 answers them (/health, /version, /metrics), and the standard
// grpc.health.v1.Health/Check handler. The member supplies the checks and values; the front mounts the routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { EtcdError, GrpcCode } from '../api/errors.ts';
import { grpc } from '../api/gen/etcd.js';
import type { HandlerFor } from './handlers.ts';
import { goHttpError, requireGet } from './http-util.ts';

export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface HealthResult {
  readonly health: boolean;
  /** Why not healthy; logged, not sent (etcd 3.4's body has only `health`). */
  readonly reason?: string;
}

export type HealthCheck = () => Promise<HealthResult>;

/**
 * `/health`: 200 `{"health":"true"}` when healthy; 503 `{"health":"false"}` (written like Go's http.Error, with
 * a newline) when not, as etcd 3.4.23 does with a NOSPACE alarm raised. A throwing check counts as unhealthy.
 */
export function healthHandler(check: HealthCheck, onUnhealthy?: (reason: string) => void): HttpRoute {
  return (req, res) => {
    if (!requireGet(req.method, res)) return;
    check().then(
      (r) => answer(r.health, r.reason),
      (e: unknown) => answer(false, e instanceof Error ? e.message : String(e)),
    );
    function answer(healthy: boolean, reason: string | undefined): void {
      if (healthy) {
        const body = '{"health":"true"}';
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
        res.end(body);
        return;
      }
      onUnhealthy?.(reason ?? 'unhealthy');
      goHttpError(res, 503, '{"health":"false"}');
    }
  };
}

export interface VersionInfo {
  /** Server version, e.g. `3.4.23`. */
  readonly etcdserver: string;
  /** Cluster version, e.g. `3.4.0` (`not_decided` before the cluster agrees). */
  readonly etcdcluster: string;
}

/** `/version`: `{"etcdserver":"…","etcdcluster":"…"}`, application/json. */
export function versionHandler(info: VersionInfo | (() => VersionInfo)): HttpRoute {
  return (req, res) => {
    if (!requireGet(req.method, res)) return;
    const v = typeof info === 'function' ? info() : info;
    const body = JSON.stringify({ etcdserver: v.etcdserver, etcdcluster: v.etcdcluster });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
}

/** `/metrics`: the registry in Prometheus text format, any method (as promhttp). */
export function metricsHandler(registry: Pick<Registry, 'metrics' | 'contentType'>): HttpRoute {
  return (_req, res) => {
    registry.metrics().then(
      (text) => {
        res.writeHead(200, {
          'Content-Type': registry.contentType,
          'Content-Length': Buffer.byteLength(text),
        });
        res.end(text);
      },
      (e: unknown) => goHttpError(res, 500, `An error has occurred while serving metrics:\n\n${String(e)}`),
    );
  };
}

const ServingStatus = grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * The grpc.health.v1.Health/Check handler. etcd registers only the empty service name; other names answer
 * NotFound "unknown service" like grpc-go's health server.
 */
export function healthService(
  check: HealthCheck,
  services: readonly string[] = [''],
): HandlerFor<'/grpc.health.v1.Health/Check'> {
  return async (req) => {
    const service = req.service ?? '';
    if (!services.includes(service)) throw new EtcdError(GrpcCode.NOT_FOUND, 'unknown service');
    let healthy: boolean;
    try {
      healthy = (await check()).health;
    } catch {
      healthy = false;
    }
    return { status: healthy ? ServingStatus.SERVING : ServingStatus.NOT_SERVING };
  };
}
