import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** The published report schema, read from docs/report.schema.json. */
export const reportSchemaPath = new URL('../../docs/report.schema.json', import.meta.url);

// ajv is CommonJS: under NodeNext the default import is `module.exports`, which is the class itself at run time
// but typed as the module namespace. Accept either shape.
type Ajv2020Ctor = typeof Ajv2020Module.default;
const Ajv2020: Ajv2020Ctor =
  (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);

let validator: ValidateFunction | undefined;

/** The compiled validator (compiled once per process). */
export function reportValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 50)
    .map((e) => `  ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${paramsOf(e)}`)
    .join('\n');
}

function paramsOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (typeof p['additionalProperty'] === 'string') return ` (${p['additionalProperty']})`;
  if (Array.isArray(p['allowedValues'])) return ` (${p['allowedValues'].join(', ')})`;
  return '';
}

/** Throws an AssertionError listing every schema violation when `report` is not a valid Report. */
export function assertValidReport(report: unknown): void {
  const validate = reportValidator();
  if (!validate(report)) {
    throw new AssertionError({
      message: `report does not match docs/report.schema.json:\n${describe(validate.errors)}`,
      actual: validate.errors,
      expected: [],
      operator: 'assertValidReport',
    });
  }
}
