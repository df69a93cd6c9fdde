// PII on a draft (real SQLite): counts by type, redaction with one placeholder per value within a row while the
// trace keeps the original, and export refusing or warning on unredacted PII as the user chose, in manifest.json.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core.ts';
import { allRows, byCase, curate, PIPELINE_FIXTURE, useCurateCore } from '../../support/curate-core.ts';

describe('PII on a draft', () => {
  const { core: opened, dir } = useCurateCore('winnow-pii-', PIPELINE_FIXTURE, 'support');
  let core: Core;
  beforeAll(() => {
    core = opened();
  });

  it('counts spans by type, without the invalid card number', async () => {
    const scan = await core.invoke('pii.scan', { dataset: 'support' });
    // jane.doe@example.com twice (prompt and response) and one Luhn-valid card; 4111 1111 1111 1112 fails Luhn.
    expect(scan).toEqual({ rows: 14, rowsWithPii: 1, spans: 3, byType: { EMAIL: 2, CREDIT_CARD: 1 } });
    expect(await core.invoke('pii.scan', { dataset: 'support', types: ['CREDIT_CARD'] })).toMatchObject({ spans: 1, byType: { CREDIT_CARD: 1 } });
  });

  it('refuses an export with PII when asked to, and warns in the manifest otherwise', async () => {
    const refused = join(dir.path, 'refused');
    const job = await core.invoke('datasets.export', { dataset: 'support', version: 'draft', format: 'jsonl', out: refused, pii: 'refuse' });
    const settled = await core.jobs.waitFor(job.jobId);
    expect(settled.status).toBe('failed');
    expect(settled.error).toMatch(/1 rows still hold PII \(2 EMAIL, 1 CREDIT_CARD\)/);
    expect(existsSync(join(refused, 'manifest.json'))).toBe(false);

    const warned = join(dir.path, 'warned');
    const ok = await core.invoke('datasets.export', { dataset: 'support', version: 'draft', format: 'jsonl', out: warned, pii: 'warn' });
    expect((await core.jobs.waitFor(ok.jobId)).status).toBe('succeeded');
    const manifest = JSON.parse(await readFile(join(warned, 'manifest.json'), 'utf8')) as { pii: unknown; warning: string };
    expect(manifest.pii).toEqual({ policy: 'warn', rowsWithPii: 1, spans: 3, byType: { CREDIT_CARD: 1, EMAIL: 2 } });
    expect(manifest.warning).toMatch(/unredacted PII/);
  }, 60_000);

  it('redacts with one placeholder per value, keeps the trace original, and then exports under refuse', async () => {
    await curate(core, { dataset: 'support' });
    const redacted = await core.invoke('pii.redact', { dataset: 'support' });
    expect(redacted).toEqual({ rows: 14, rowsWithPii: 1, spans: 3, byType: { EMAIL: 2, CREDIT_CARD: 1 }, rowsChanged: 1 });
    const rows = byCase(await allRows(core, 'support'));
    const row = rows.get('pii')!.row;
    expect(row.messages[0]!['content']).toBe('Email the refund confirmation to <EMAIL_1> and charge card <CREDIT_CARD_1>');
    expect(row.response['content']).toBe('Done: the refund confirmation went to <EMAIL_1>.');
    expect(rows.get('pii')!.pii).toEqual([]);
    expect((await core.invoke('curate.summary', { dataset: 'support' })).stale).toBe(true);
    expect(await core.invoke('pii.scan', { dataset: 'support' })).toMatchObject({ spans: 0, rowsWithPii: 0 });

    const trace = (await core.invoke('traces.list', { where: { text: 'refund confirmation' }, limit: 5 })).items[0]!;
    const detail = await core.invoke('traces.get', { id: trace.id });
    expect(JSON.stringify(detail)).toContain('jane.doe@example.com');

    const out = join(dir.path, 'clean');
    const job = await core.invoke('datasets.export', { dataset: 'support', version: 'draft', format: 'jsonl', out, pii: 'refuse' });
    expect((await core.jobs.waitFor(job.jobId)).status).toBe('succeeded');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { pii: unknown };
    expect(manifest.pii).toEqual({ policy: 'refuse', rowsWithPii: 0, spans: 0, byType: {} });
  }, 60_000);
});
