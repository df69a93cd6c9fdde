import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import { checkFailed } from './failed-filter.ts';

describe('failed filter', () => {
  it('drops rows whose request failed, saying the status', () => {
    expect(checkFailed(answer('x', { status: 'error' }))).toEqual({ drop: true, filter: 'failed', reason: 'request status was "error"' });
    expect(checkFailed(answer(null, { status: 'timeout' }))?.drop).toBe(true);
    expect(checkFailed(answer('x', { finishReason: 'error' }))?.reason).toBe('finish reason was error');
  });
  it('keeps successful requests, whatever their spelling of success', () => {
    expect(checkFailed(answer('x', { status: 'ok' }))).toBeNull();
    expect(checkFailed(answer('x', { status: 'Success' }))).toBeNull();
    expect(checkFailed(answer('x', { status: 'ok', finishReason: 'length' }))).toBeNull();
  });
});
