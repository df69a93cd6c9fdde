import { describe, expect, it } from 'vitest';
import { detectRefusal } from './refusal-detector.ts';

const refusals = [
  "I'm sorry, but I can't assist with that.",
  'I’m sorry, but I cannot help with that request.',
  "I can't help with that.",
  'I cannot provide instructions for making weapons.',
  "I won't be able to help you with this one.",
  'As an AI language model, I do not have personal opinions.',
  "I'm just an AI, so I can't browse the internet.",
  'I apologize, but I must decline this request.',
  "Sorry, I'm not able to give out his residential address.",
  "That's not something I can help with. Is there anything else?",
  "I'm not comfortable answering that.",
  "I'd rather not.",
  'Unfortunately, I am unable to fulfill this request because it violates the usage policies.',
  "That's some seriously illegal stuff you're after. I can't help you with that.",
  'We are not allowed to share customer records.',
  "Unfortunately I'm unable to tell you that.",
  'Im not able to help with that',
  "I'm not sure I want to help you do that.",
  "I'm afraid I'm not a good person to ask about this.",
  'It would be inappropriate for me to provide medical dosing advice.',
];

const answers = [
  'No, sorry! All of these involve a pen, the point is that you get funny results.',
  "I'm sorry to hear that. Here are three things that usually help: rest, water and a walk.",
  "I can't say for sure, but I think the answer is no.",
  "I can't believe how simple this is: just add the flour first.",
  "I can't give you an exact figure, but it is roughly 3 million people.",
  'Sure, of course! I promise I won’t share the number with anyone.',
  "I'm sorry, I wasn't able to find a phone number for him. Would you like to search again?",
  'Is there something I can help you with?',
  'Paris is the capital of France.',
  // "sorry" and "can't" far into a long answer do not make it a refusal.
  `Here is a complete recipe for banana bread. ${'Mash three ripe bananas, stir in melted butter, sugar, an egg and flour. '.repeat(6)}Sorry, I can't help with the oven temperature of your specific model, check its manual.`,
  '',
];

describe('refusal detector', () => {
  it.each(refusals)('flags %s', (text) => {
    expect(detectRefusal(text)).not.toBeNull();
  });
  it.each(answers)('does not flag %s', (text) => {
    expect(detectRefusal(text)).toBeNull();
  });
  it('quotes the refusing sentence', () => {
    expect(detectRefusal("That's illegal. I can't help you with that. Anything else?")?.sentence).toBe("I can't help you with that.");
  });
});
