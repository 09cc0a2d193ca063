/**
 * One error class for the whole project: a stable code (persisted and matched on), the module
 * that raised it, a sentence for people that says what to do, and the original cause.
 */
export class StatementsError extends Error {
  readonly code: string;
  readonly module: string;

  constructor(module: string, code: string, message: string, options?: { cause?: unknown }) {
    super(`${module}: ${message}`, options);
    this.name = 'StatementsError';
    this.code = code;
    this.module = module;
  }
}
