import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

export const AgenciesErrorCode = {
  Forbidden: 'FORBIDDEN',
  TaskNotFound: 'TASK_NOT_FOUND',
  TaskAlreadyAcknowledged: 'TASK_ALREADY_ACKNOWLEDGED',
  TaskNotAcknowledged: 'TASK_NOT_ACKNOWLEDGED',
  TaskCompletionAlreadyRequested: 'TASK_COMPLETION_ALREADY_REQUESTED',
  InvalidInput: 'AGENCIES_INVALID_INPUT',
} as const;

export type AgenciesErrorCode = (typeof AgenciesErrorCode)[keyof typeof AgenciesErrorCode];

export const agenciesError = (code: AgenciesErrorCode, message: string, fieldErrors: FieldError[] = []) =>
  new DomainError(code, message, fieldErrors);
