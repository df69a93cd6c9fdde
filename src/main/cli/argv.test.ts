import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from './argv.ts';

describe('joinNegativeValues', () => {
  const takesValue = new Set(['granularity', 'limit']);

  it('keeps a negative number with the option that takes it', () => {
    expect(joinNegativeValues(['cluster', '--granularity', '-0.5', '--json'], takesValue)).toEqual(['cluster', '--granularity=-0.5', '--json']);
    expect(joinNegativeValues(['--granularity', '-1'], takesValue)).toEqual(['--granularity=-1']);
    expect(joinNegativeValues(['--granularity', '-.25'], takesValue)).toEqual(['--granularity=-.25']);
  });

  it('leaves flags, words and options without values alone', () => {
    expect(joinNegativeValues(['--json', '-1'], takesValue)).toEqual(['--json', '-1']);
    expect(joinNegativeValues(['--granularity', '-h'], takesValue)).toEqual(['--granularity', '-h']);
    expect(joinNegativeValues(['--granularity=-1', 'x'], takesValue)).toEqual(['--granularity=-1', 'x']);
  });
});
