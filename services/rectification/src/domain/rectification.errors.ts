import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

/** Every code this subgraph returns; each is documented next to the use case that raises it. */
export const RectificationErrorCode = {
  Forbidden: 'FORBIDDEN',
  ProblemNotFound: 'PROBLEM_NOT_FOUND',
  MeasureNotFound: 'MEASURE_NOT_FOUND',
  CampaignNotFound: 'CAMPAIGN_NOT_FOUND',
  InvalidInput: 'RECTIFICATION_INVALID_INPUT',
} as const;

export type RectificationErrorCode = (typeof RectificationErrorCode)[keyof typeof RectificationErrorCode];

export const rectificationError = (
  code: RectificationErrorCode,
  message: string,
  fieldErrors: FieldError[] = [],
) => new DomainError(code, message, fieldErrors);
