// The generation job (llm lane): its params (the input with the prompts already read) and the run, with
// progress and the running spend, cancel, and resume through the service. Imports: zod, contract schemas,
// jobs types, the generation service.
import { z } from 'zod';
import { GenerateInput } from '../../../shared/contract/index.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';
import type { GenerateParams, GenerateService } from './generate-service.ts';

const Prompt = z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).min(1);
export const GenerateJobParams: z.ZodType<GenerateParams> = GenerateInput.omit({ prompts: true }).extend({ prompts: z.array(Prompt).min(1) });

export function createGenerateJob(service: GenerateService): JobHandler<GenerateParams> {
  return {
    kind: 'generate',
    lane: 'llm',
    params: GenerateJobParams,
    changes: ['datasets'],
    title: (p) => `Generate ${p.prompts.length} rows for ${p.dataset} with ${p.teacher.model}`,
    run: (ctx) => service.run(ctx.params, { jobId: ctx.jobId, signal: ctx.signal, progress: (done, total, phase) => ctx.progress(done, total, phase) }),
  };
}
