import { describe, expect, it } from 'vitest';
import { filterName, formatRate, formatScore, kappaWords, piiLabel, progressLine, stageName } from './review-format.ts';

describe('review-format', () => {
  it('puts kappa in Landis & Koch words at the band edges', () => {
    expect(kappaWords(null)).toBe('not enough reviews');
    expect(kappaWords(Number.NaN)).toBe('not enough reviews');
    expect(kappaWords(-0.1)).toBe('worse than chance');
    expect(kappaWords(0)).toBe('slight');
    expect(kappaWords(0.2)).toBe('slight');
    expect(kappaWords(0.21)).toBe('fair');
    expect(kappaWords(0.6)).toBe('moderate');
    expect(kappaWords(0.61)).toBe('substantial');
    expect(kappaWords(0.81)).toBe('almost perfect');
  });

  it('formats scores and rates, with a dash for missing values', () => {
    expect(formatScore(0.456)).toBe('0.46');
    expect(formatScore(null)).toBe('—');
    expect(formatRate(0.875)).toBe('88%');
    expect(formatRate(undefined)).toBe('—');
  });

  it('says how far the queue has come', () => {
    expect(progressLine(0, 0)).toBe('Queue empty');
    expect(progressLine(3, 10)).toBe('3 of 10 reviewed · 7 left');
    expect(progressLine(10, 10)).toBe('All 10 reviewed');
  });

  it('names filters, stages and PII types', () => {
    expect(filterName('invalid_json')).toBe('Invalid JSON');
    expect(filterName('new_filter')).toBe('new filter');
    expect(stageName('dropped:refusal')).toBe('Dropped · Refusal');
    expect(stageName('dropped:pii')).toBe('Dropped · PII');
    expect(stageName('borderline')).toBe('Borderline');
    expect(piiLabel('EMAIL')).toBe('email');
    expect(piiLabel('iban')).toBe('IBAN');
    expect(piiLabel('street_address')).toBe('street address');
  });
});
