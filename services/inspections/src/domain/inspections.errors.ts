import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

export const InspectionsErrorCode = {
  Forbidden: 'FORBIDDEN',
  RoundNotFound: 'INSPECTION_ROUND_NOT_FOUND',
  FindingNotFound: 'FINDING_NOT_FOUND',
  FindingAlreadyConfirmed: 'FINDING_ALREADY_CONFIRMED',
  InvalidInput: 'INSPECTIONS_INVALID_INPUT',
} as const;

export type InspectionsErrorCode = (typeof InspectionsErrorCode)[keyof typeof InspectionsErrorCode];

export const inspectionsError = (
  code: InspectionsErrorCode,
  message: string,
  fieldErrors: FieldError[] = [],
) => new DomainError(code, message, fieldErrors);
