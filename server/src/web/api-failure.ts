/** Typed REST failures: every 4xx carries a code and a French message. */
import type { ApiErrorCode } from '@gfa/shared';
import { httpStatusOf } from '@gfa/shared';
import type { DomainError } from '../domain/index.js';

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly userMessage: string,
    detail = userMessage,
  ) {
    super(detail);
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

const FROM_DOMAIN: Record<DomainError['code'], ApiErrorCode> = {
  not_found: 'not_found',
  invalid_state: 'invalid_state',
  forbidden: 'forbidden',
  invalid_input: 'bad_request',
  conflict: 'conflict',
};

export const fromDomain = (error: DomainError): ApiFailure =>
  new ApiFailure(FROM_DOMAIN[error.code], error.message, error.detail);
