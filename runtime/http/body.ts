// Request bodies: parsed as JSON and validated against the schemas of request-schemas.ts.
import type { Context } from 'hono';
import type { ValidateFunction } from 'ajv';
import { createDataAjv } from '../../schemas/ajv.ts';
import { explainErrors } from '../engine/explain.ts';
import { HttpProblem } from '../host/problems.ts';
import { requestSchemas, type RequestSchemaName } from './request-schemas.ts';

const ajv = createDataAjv();
const validators = new Map<RequestSchemaName, ValidateFunction>();

function validator(name: RequestSchemaName): ValidateFunction {
  let fn = validators.get(name);
  if (fn === undefined) {
    fn = ajv.compile(requestSchemas[name]);
    validators.set(name, fn);
  }
  return fn;
}

/** Parses the body as JSON (400 if it is not). */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new HttpProblem('request.malformed_json', 'The request needs a JSON body.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpProblem('request.malformed_json', `The body is not valid JSON: ${(error as Error).message}.`);
  }
}

/** Parses and validates the body; 400 `request.invalid` naming each wrong field. */
export async function readBody<T>(c: Context, name: RequestSchemaName): Promise<T> {
  const body = await readJson(c);
  const validate = validator(name);
  if (!validate(body)) {
    const problems = explainErrors(validate.errors);
    throw new HttpProblem('request.invalid', `The ${name} body is not valid: ${problems.map((p) => p.message).join('; ')}.`, { problems });
  }
  return body as T;
}
