// A small prompt/response corpus of four clearly different intents, for clustering tests.
import { writeFileSync } from 'node:fs';

export const INTENTS: Record<string, string[]> = {
  refund: ['I was charged twice for order {n}, please refund me', 'refund the duplicate charge on my card for order {n}', 'my card got billed twice, I want my money back for order {n}'],
  password: ['I forgot my password and cannot log in to account {n}', 'how do I reset the password for account {n}', 'password reset link for account {n} never arrived'],
  sql: ['write a SQL query that sums revenue by month for table sales_{n}', 'SQL to count distinct customers per region in table orders_{n}', 'give me a SQL join of users and orders_{n} by user id'],
  weather: ['what is the weather forecast in Paris for day {n}', 'will it rain in Berlin on day {n}, weather please', 'temperature and wind forecast for Madrid day {n}'],
};

export function writeCorpus(path: string, from: number, count: number): void {
  const lines: string[] = [];
  for (let n = from; n < from + count; n++) {
    for (const [intent, templates] of Object.entries(INTENTS)) {
      const prompt = templates[n % templates.length]!.replace('{n}', String(n));
      lines.push(JSON.stringify({ prompt, response: `ok (${intent} ${n})`, metadata: { intent } }));
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

