/** Typed failures of the engine: a French message for people, an English detail for logs. */
import type { DomainError, DomainErrorCode } from './types.js';

export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.detail);
  }
}

export function fail(code: DomainErrorCode, message: string, detail: string): never {
  throw new DomainFailure({ code, message, detail });
}
