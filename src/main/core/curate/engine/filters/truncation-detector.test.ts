import { describe, expect, it } from 'vitest';
import { detectTruncation } from './truncation-detector.ts';

const longProse = 'The migration copies every table into the new schema, checks the row counts, and then swaps the names in one transaction';

describe('truncation detector', () => {
  it('finds an unclosed code fence', () => {
    expect(detectTruncation('Here is the function:\n\n```python\ndef add(a, b):\n    return a +')).toBe('response stops mid-code-block (unclosed ```)');
  });
  it('finds JSON that stops before it closes', () => {
    expect(detectTruncation('{"name": "Ada", "tags": ["math", "poet')).toBe('response stops mid-JSON (inside a string)');
    expect(detectTruncation('[{"a": 1}, {"b": 2}')).toBe('response stops mid-JSON (1 unclosed bracket)');
    expect(detectTruncation('{"a": {"b": [1, 2')).toBe('response stops mid-JSON (3 unclosed brackets)');
  });
  it('finds a long answer that stops mid-sentence, or on a connector', () => {
    expect(detectTruncation(`${longProse}. After that the old tables are dropped, and the indexes are rebuilt once the new ones`)).toMatch(/^response stops mid-sentence \(no closing punctuation after ".*new ones"\)$/);
    expect(detectTruncation('You can mix the flour, the sugar and')).toBe('response stops mid-sentence (ends with "and")');
    expect(detectTruncation('Here are the steps you will need:')).toBe('response stops mid-sentence (ends with "need:")');
  });
  it('leaves complete answers alone: punctuation, closed fences, valid JSON', () => {
    expect(detectTruncation(`${longProse}.`)).toBeNull();
    expect(detectTruncation('Run this:\n\n```bash\nnpm test\n```')).toBeNull();
    expect(detectTruncation('{"name": "Ada", "tags": ["math"]}')).toBeNull();
    expect(detectTruncation('(see the appendix)')).toBeNull();
    expect(detectTruncation('He said "it is done"')).toBeNull();
  });
  it('leaves alone answers that end without punctuation by design', () => {
    expect(detectTruncation(`${longProse}:\n\n- copy the tables\n- swap the names in one transaction`)).toBeNull();
    expect(detectTruncation(`${longProse}:\n\n1. Paris\n2. Tokyo`)).toBeNull();
    expect(detectTruncation(`${longProse}. Read more at https://example.com/docs/migrations`)).toBeNull();
    expect(detectTruncation(`${longProse}. Have a great day 🎉`)).toBeNull();
    expect(detectTruncation(`${longProse}.\n\n## Next steps`)).toBeNull();
    expect(detectTruncation(`${longProse}.\n\n| step | time |\n|---|---|\n| copy | 2 s`)).toBeNull();
    expect(detectTruncation(`${longProse}.\n\n---`)).toBeNull();
    expect(detectTruncation(`So we get:\n\nx - y = 2z - 2z = 0`)).toBeNull();
    // Short casual answers may skip the full stop; a JSON-looking citation is prose, not cut JSON.
    expect(detectTruncation('Sounds good to me')).toBeNull();
    expect(detectTruncation('[1] Smith, J. A history of the migration tool')).toBeNull();
    expect(detectTruncation('I would choose plan A')).toBeNull();
  });
});
