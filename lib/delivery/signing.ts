import { Webhook } from 'standardwebhooks';

/** HTTP headers of one signed delivery attempt (Standard Webhooks + idempotency key). */
export interface SignedHeaders {
  'content-type': 'application/json';
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'idempotency-key': string;
  [name: string]: string;
}

/**
 * Signs a body per Standard Webhooks: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
 * The id is the batch id (stable across retries); the timestamp is fresh for every attempt.
 */
export function signBatch(secret: string, batchId: string, body: string, nowMs: number): SignedHeaders {
  const seconds = Math.floor(nowMs / 1000);
  const signature = new Webhook(secret).sign(batchId, new Date(seconds * 1000), body);
  return {
    'content-type': 'application/json',
    'webhook-id': batchId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signature,
    'idempotency-key': batchId,
  };
}
