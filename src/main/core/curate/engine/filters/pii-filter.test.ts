import { describe, expect, it } from 'vitest';
import { answer, row } from '../../../../../../tests/support/curate-rows.ts';
import { checkPii } from './pii-filter.ts';

describe('pii filter', () => {
  it('drops rows with PII anywhere, saying what and where', () => {
    const r = answer('Your key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f is active.', {
      messages: [{ role: 'user', content: 'I am jane@corp.com and my card is 4111 1111 1111 1111' }],
    });
    expect(checkPii(r, undefined)?.reason).toBe('contains 1 EMAIL, 1 CREDIT_CARD, 1 API_KEY (in message 0, response)');
  });
  it('keeps clean rows, and rows whose PII is of a type not asked for', () => {
    expect(checkPii(row(), undefined)).toBeNull();
    expect(checkPii(answer('Write to jane@corp.com'), new Set(['CREDIT_CARD']))).toBeNull();
  });
});
