'use strict';
// Validates request bodies against a list of typed fields: [{ name, label, type, required }], where type is one of
// string, integer, number, boolean, date (ISO 8601), email or url.
const { HttpError } = require('./web');

const MAX_STRING = 10000;
const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

const CHECKS = {
  string: (v) => (typeof v !== 'string' ? 'must be a string'
    : v.length > MAX_STRING ? `must be at most ${MAX_STRING} characters` : null),
  integer: (v) => (Number.isInteger(v) ? null : 'must be an integer'),
  number: (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number'),
  boolean: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  date: (v) => {
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) {
      return 'must be a date such as 2025-06-30 (ISO 8601)';
    }
    const [y, m, d] = v.slice(0, 10).split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? null : 'is not a real calendar date';
  },
  email: (v) => (typeof v === 'string' && v.length <= 254 && EMAIL.test(v) ? null : 'must be an email address'),
  url: (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol) ? null : 'must be an http(s) URL';
    } catch {
      return 'must be an http(s) URL';
    }
  },
};

/**
 * Checks `body` against `fields`. mode 'create' and 'replace' need every required field (missing optional ones
 * become null, booleans false); 'patch' only checks what is sent. `known` names other accepted keys, which are left
 * for the caller. Returns the field values; throws HttpError(400) naming the field.
 */
function validate(fields, body, mode, known = []) {
  const names = fields.map((f) => f.name);
  const unknown = Object.keys(body).find((k) => !names.includes(k) && !known.includes(k));
  if (unknown !== undefined) {
    throw new HttpError(400, `unknown field "${unknown}"; fields are: ${names.join(', ')}`, { field: unknown });
  }
  const out = {};
  for (const field of fields) {
    let value = body[field.name];
    if (value === undefined || value === null) {
      if (mode === 'patch' && value === undefined) continue;
      if (field.required) throw new HttpError(400, `${field.name} is required`, { field: field.name });
      out[field.name] = field.type === 'boolean' ? false : null;
      continue;
    }
    if (value === '' && !field.required && field.type !== 'string') {
      out[field.name] = null;
      continue;
    }
    const problem = CHECKS[field.type](value);
    if (problem) {
      throw new HttpError(400, `${field.name} ${problem}`, { field: field.name, expected: field.type });
    }
    if (field.type === 'string' || field.type === 'email' || field.type === 'url') value = value.trim();
    if (field.required && value === '') {
      throw new HttpError(400, `${field.name} must not be empty`, { field: field.name });
    }
    out[field.name] = value;
  }
  return out;
}

module.exports = { validate, CHECKS };
