// The api client over an in-memory transport: envelope unwrapping, typed errors, contract checks, events.
import { describe, expect, it, vi } from 'vitest';
import type { AppEvent, Result } from '../../shared/contract/index.ts';
import { ApiError } from './api-error.ts';
import { createApiClient } from './client.ts';
import type { Transport } from './transport.ts';

function memoryTransport(answer: (channel: string, input: unknown) => Result<unknown>) {
  const listeners = new Set<(e: AppEvent) => void>();
  const transport: Transport = {
    invoke: async (channel, input) => answer(channel, input),
    on: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { transport, emit: (e: unknown) => listeners.forEach((l) => l(e as AppEvent)) };
}

const info = { version: '0.1.0', dataDir: '/data', traces: 3, rows: 4 };

describe('api client', () => {
  it('returns the value of an ok answer and passes the input through', async () => {
    const seen: unknown[] = [];
    const { transport } = memoryTransport((channel, input) => {
      seen.push([channel, input]);
      return { ok: true, value: info };
    });
    await expect(createApiClient(transport).invoke('app.info', {})).resolves.toEqual(info);
    expect(seen).toEqual([['app.info', {}]]);
  });

  it('throws an ApiError with the code and message of a failed answer', async () => {
    const { transport } = memoryTransport(() => ({ ok: false, error: { code: 'not_found', message: 'no trace 9' } }));
    const err = await createApiClient(transport).invoke('traces.get', { id: 9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not_found', message: 'no trace 9', channel: 'traces.get' });
  });

  it('reports an answer outside the contract as an internal error instead of passing it on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { transport } = memoryTransport(() => ({ ok: true, value: { version: 1 } }));
    await expect(createApiClient(transport).invoke('app.info', {})).rejects.toMatchObject({ code: 'internal' });
    error.mockRestore();
  });

  it('turns a throwing transport into an unavailable ApiError', async () => {
    const transport: Transport = { invoke: () => Promise.reject(new Error('ipc closed')), on: () => () => {} };
    await expect(createApiClient(transport).invoke('app.info', {})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('delivers contract events and drops malformed ones', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { transport, emit } = memoryTransport(() => ({ ok: true, value: null }));
    const got: AppEvent[] = [];
    const off = createApiClient(transport).on((e) => got.push(e));
    emit({ name: 'data.changed', payload: { domain: 'traces' } });
    emit({ name: 'data.changed', payload: { domain: 'nope' } });
    emit({ name: 'no.such.event', payload: {} });
    off();
    emit({ name: 'data.changed', payload: { domain: 'imports' } });
    expect(got).toEqual([{ name: 'data.changed', payload: { domain: 'traces' } }]);
    error.mockRestore();
  });
});
