// SQL of teacher models: the prompts of each generation job and their state, and every answer a teacher gave
// to a dataset row (generation's samples, a committee's answers) with its score and whether it was chosen.
// Imports: better-sqlite3 types, platform transaction.
import type { Database, Statement } from 'better-sqlite3';
import { writeTransaction } from '../platform/db/transaction.ts';

/** The store the module factory hands over (it names no SQL library itself). */
export type GenerateStore = Database;

export type AnswerPurpose = 'generate' | 'relabel';

export interface PromptRecord {
  id: number;
  position: number;
  messages_json: string;
  status: 'pending' | 'done' | 'failed';
  row_key: number | null;
  error: string | null;
}

export interface AnswerRecord {
  slot: number;
  model: string;
  text: string | null;
  error: string | null;
  overall: number | null;
  judge_json: string | null;
  chosen: number;
}

export class GenerateRepository {
  readonly #db: Database;
  readonly #addPrompt: Statement;
  readonly #prompts: Statement<[number], PromptRecord>;
  readonly #setPrompt: Statement;
  readonly #putAnswer: Statement;
  readonly #answers: Statement<[number, number, string], AnswerRecord>;
  readonly #clearAnswers: Statement;

  constructor(db: Database) {
    this.#db = db;
    this.#addPrompt = db.prepare('INSERT OR IGNORE INTO generate_prompts (job_id, dataset_id, position, messages_json) VALUES (?, ?, ?, ?)');
    this.#prompts = db.prepare('SELECT id, position, messages_json, status, row_key, error FROM generate_prompts WHERE job_id = ? ORDER BY position');
    this.#setPrompt = db.prepare('UPDATE generate_prompts SET status = ?, row_key = ?, error = ? WHERE id = ?');
    this.#putAnswer = db.prepare(
      `INSERT OR REPLACE INTO teacher_answers (dataset_id, row_key, purpose, slot, model, text, error, overall, judge_json, chosen, job_id)
       VALUES (@datasetId, @rowKey, @purpose, @slot, @model, @text, @error, @overall, @judgeJson, @chosen, @jobId)`,
    );
    this.#answers = db.prepare('SELECT slot, model, text, error, overall, judge_json, chosen FROM teacher_answers WHERE dataset_id = ? AND row_key = ? AND purpose = ? ORDER BY slot');
    this.#clearAnswers = db.prepare('DELETE FROM teacher_answers WHERE dataset_id = ? AND row_key = ? AND purpose = ?');
  }

  write<T>(fn: () => T): T {
    return writeTransaction(this.#db, fn);
  }

  /** Records a job's prompts once: a resumed job finds them again and skips the ones done. */
  savePrompts(jobId: number, datasetId: number, prompts: readonly string[]): void {
    this.write(() => prompts.forEach((messagesJson, position) => this.#addPrompt.run(jobId, datasetId, position, messagesJson)));
  }

  prompts(jobId: number): PromptRecord[] {
    return this.#prompts.all(jobId);
  }

  /** Call inside write(). */
  setPrompt(id: number, status: PromptRecord['status'], rowKey: number | null, error: string | null): void {
    this.#setPrompt.run(status, rowKey, error, id);
  }

  /** Replaces a row's answers of one purpose. Call inside write(). */
  saveAnswers(datasetId: number, rowKey: number, purpose: AnswerPurpose, jobId: number | null, answers: readonly AnswerRecord[]): void {
    this.#clearAnswers.run(datasetId, rowKey, purpose);
    for (const a of answers) {
      this.#putAnswer.run({ datasetId, rowKey, purpose, slot: a.slot, model: a.model, text: a.text, error: a.error, overall: a.overall, judgeJson: a.judge_json, chosen: a.chosen, jobId });
    }
  }

  answers(datasetId: number, rowKey: number, purpose: AnswerPurpose): AnswerRecord[] {
    return this.#answers.all(datasetId, rowKey, purpose);
  }
}
