import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import { checkInvalidJson } from './invalid-json-filter.ts';

const strict = { allowFenced: false };
const jsonObject = { type: 'json_object' };
const person = {
  type: 'json_schema',
  json_schema: {
    name: 'person',
    strict: true,
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: ['integer', 'null'] }, role: { type: 'string', enum: ['admin', 'user'] } },
      required: ['name', 'age', 'role'],
      additionalProperties: false,
    },
  },
};

describe('invalid_json filter', () => {
  it('ignores rows that did not ask for JSON', () => {
    expect(checkInvalidJson(answer('not json at all'), strict)).toBeNull();
    expect(checkInvalidJson(answer('not json', { responseFormat: { type: 'text' } }), strict)).toBeNull();
  });
  it('drops json_object answers that do not parse, or are not objects', () => {
    expect(checkInvalidJson(answer('{"a": 1,}', { responseFormat: jsonObject }), strict)?.reason).toMatch(/^response is not valid JSON \(/);
    expect(checkInvalidJson(answer("{'a': 1}", { responseFormat: jsonObject }), strict)?.drop).toBe(true);
    expect(checkInvalidJson(answer('[1, 2]', { responseFormat: jsonObject }), strict)?.reason).toMatch(/not an object/);
    expect(checkInvalidJson(answer(' {"a": 1} ', { responseFormat: jsonObject }), strict)).toBeNull();
  });
  it('rejects a fenced answer unless fences are allowed', () => {
    const fenced = answer('```json\n{"a": 1}\n```', { responseFormat: jsonObject });
    expect(checkInvalidJson(fenced, strict)?.reason).toMatch(/fence/);
    expect(checkInvalidJson(fenced, { allowFenced: true })).toBeNull();
    // Prose around the fence is never JSON mode's output.
    expect(checkInvalidJson(answer('Here:\n```json\n{"a": 1}\n```', { responseFormat: jsonObject }), { allowFenced: true })?.drop).toBe(true);
  });
  it('checks json_schema answers against the schema, naming the first failing path', () => {
    expect(checkInvalidJson(answer('{"name": "Ada", "age": 36, "role": "admin"}', { responseFormat: person }), strict)).toBeNull();
    expect(checkInvalidJson(answer('{"name": "Ada", "age": null, "role": "user"}', { responseFormat: person }), strict)).toBeNull();
    expect(checkInvalidJson(answer('{"name": "Ada", "role": "user"}', { responseFormat: person }), strict)?.reason).toBe(
      'response does not match schema "person" at age: required property is missing',
    );
    expect(checkInvalidJson(answer('{"name": "Ada", "age": 36, "role": "root"}', { responseFormat: person }), strict)?.reason).toMatch(/at role: Invalid option/);
    expect(checkInvalidJson(answer('{"name": "Ada", "age": 36.5, "role": "user"}', { responseFormat: person }), strict)?.drop).toBe(true);
    expect(checkInvalidJson(answer('{"name": "Ada", "age": 36, "role": "user", "x": 1}', { responseFormat: person }), strict)?.reason).toMatch(/Unrecognized key/);
  });
  it('reads the Responses API shape too', () => {
    const format = { type: 'json_schema', name: 'n', schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } };
    expect(checkInvalidJson(answer('{"n": 1}', { responseFormat: format }), strict)).toBeNull();
    expect(checkInvalidJson(answer('{"n": "1"}', { responseFormat: format }), strict)?.drop).toBe(true);
  });
  it('keeps valid JSON with a note when the schema uses features the validator lacks', () => {
    const format = { type: 'json_schema', json_schema: { name: 'c', schema: { type: 'object', if: { required: ['a'] }, then: { required: ['b'] } } } };
    const v = checkInvalidJson(answer('{"a": 1}', { responseFormat: format }), strict);
    expect(v?.drop).toBe(false);
    expect(v?.reason).toMatch(/not checked/);
  });
});
