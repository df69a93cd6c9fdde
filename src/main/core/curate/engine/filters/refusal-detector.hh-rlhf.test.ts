// Precision and recall of the refusal detector on hand-labelled hh-rlhf answers (labels in
// tests/fixtures/curate/hh-rlhf-refusal-labels.json; the data is read from ../shared/data and skipped when absent).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedFile } from '../../../../../../tests/support/shared-data.ts';
import { detectRefusal } from './refusal-detector.ts';

interface Round {
  name: string;
  lines: number[];
  refusal: number[];
  soft: number[];
}
interface Labels {
  source: string;
  rounds: Round[];
}

const labels = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/curate/hh-rlhf-refusal-labels.json'), 'utf8')) as Labels;
const dataPath = sharedFile(labels.source);
const present = existsSync(dataPath);
if (!present) console.warn(`[skip] ${dataPath} is absent: the refusal detector is not measured on hh-rlhf`);

function lastAnswer(line: string): string {
  const messages = (JSON.parse(line) as { messages: { role: string; content: unknown }[] }).messages;
  const last = messages[messages.length - 1];
  return typeof last?.content === 'string' ? last.content : '';
}

describe.skipIf(!present)('refusal detector on hand-labelled hh-rlhf answers', () => {
  it('finds the explicit refusals at high precision', () => {
    const lines = readFileSync(dataPath, 'utf8').split('\n').filter((l) => l.trim());
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let softFlagged = 0;
    let softTotal = 0;
    let total = 0;
    const misses: string[] = [];
    for (const round of labels.rounds) {
      const refusal = new Set(round.refusal);
      const soft = new Set(round.soft);
      for (const n of round.lines) {
        total++;
        const flagged = detectRefusal(lastAnswer(lines[n - 1]!)) !== null;
        if (soft.has(n)) {
          softTotal++;
          if (flagged) softFlagged++;
        } else if (refusal.has(n)) {
          if (flagged) tp++;
          else {
            fn++;
            misses.push(`line ${n}`);
          }
        } else if (flagged) {
          fp++;
          misses.push(`line ${n} (false positive)`);
        }
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `refusal detector on ${total} labelled hh-rlhf answers (${tp + fn} refusals, ${softTotal} soft deflections): ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, soft deflections flagged ${softFlagged}/${softTotal}; misses: ${misses.join(', ')}`,
    );
    // In-sample figures (every round was folded into development after it was measured blind): they guard against
    // regressions. The blind figures per round are in the fixture's notes.
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
