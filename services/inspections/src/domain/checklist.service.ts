import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput, updateAtVersion } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';
import { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import {
  decodeChecklistFile,
  formatOfFileName,
  MAX_CHECKLIST_FILE_BYTES,
  readChecklistFile,
  UnreadableFileError,
} from './checklist-file';
import { parseChecklistRows } from './checklist-rows';
import type { ChecklistRow, RowError } from './checklist-rows';
import { expectedVersion, idempotencyKey, text, uuid } from './input-schemas';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import { assertVersion, InspectionsUseCases } from './use-case';
import type { Tx } from './use-case';

const importSchema = z.object({
  roundId: uuid,
  expectedVersion,
  fileName: text(200),
  // Base64 of at most MAX_CHECKLIST_FILE_BYTES, with room for line breaks.
  contentBase64: z.string().max(Math.ceil((MAX_CHECKLIST_FILE_BYTES * 4) / 3) + 4_096),
  idempotencyKey,
});

const rowFieldErrors = (errors: RowError[]): FieldError[] =>
  errors.map((e) => ({
    field: e.rowNumber === 0 ? 'contentBase64' : `rows.${e.rowNumber}${e.column ? `.${e.column}` : ''}`,
    message: e.message,
  }));

/** Reads and checks a check-item list file; throws the coded error that names every bad row. */
export async function checklistRowsOfFile(fileName: string, contentBase64: string): Promise<ChecklistRow[]> {
  const format = formatOfFileName(fileName);
  if (!format) {
    throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
      { field: 'fileName', message: 'a .xlsx or .csv file' },
    ]);
  }
  const decoded = decodeChecklistFile(contentBase64);
  if ('problem' in decoded) {
    const { problem } = decoded;
    if (problem.kind === 'TOO_LARGE') {
      throw inspectionsError(
        InspectionsErrorCode.ChecklistFileTooLarge,
        `the file may be at most ${MAX_CHECKLIST_FILE_BYTES} bytes`,
        [{ field: 'contentBase64', message: `${problem.bytes} bytes` }],
      );
    }
    throw inspectionsError(InspectionsErrorCode.InvalidInput, 'the input is not valid', [
      { field: 'contentBase64', message: problem.kind === 'EMPTY' ? 'the file is empty' : 'not base64' },
    ]);
  }
  let raw;
  try {
    raw = await readChecklistFile(format, decoded.bytes);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw inspectionsError(InspectionsErrorCode.ChecklistFileUnreadable, error.message, [
      { field: 'contentBase64', message: error.message },
    ]);
  }
  const parsed = parseChecklistRows(raw);
  if (!parsed.ok) {
    throw inspectionsError(
      InspectionsErrorCode.ChecklistImportInvalid,
      `the list was not imported: ${parsed.errors.length} problem(s), first ${parsed.errors[0]!.message}`,
      rowFieldErrors(parsed.errors),
    );
  }
  return parsed.rows;
}

/** Replaces a round's list: the current rows are superseded (kept for the findings that cite them). */
export async function replaceChecklist(
  tx: Tx,
  round: InspectionRoundEntity,
  rows: ChecklistRow[],
  source: string,
  at: Date,
): Promise<InspectionRoundEntity> {
  const revision = round.checklistRevision + 1;
  await tx.checklist.supersedeCurrent(round.id, at);
  await tx.checklist.insertItems(
    rows.map((row) => ({
      id: randomUUID(),
      roundId: round.id,
      revision,
      position: row.position,
      categoryNumber: row.categoryNumber,
      category: row.category,
      itemNumber: row.itemNumber,
      item: row.item,
      checks: row.checks,
      assignedStaff: row.assignedStaff,
      sourceRow: row.sourceRow,
      supersededAt: null,
    })),
  );
  return updateAtVersion(
    tx.manager,
    InspectionRoundEntity,
    round.id,
    round.version,
    { checklistRevision: revision, checklistSource: source },
    InspectionsErrorCode.RoundNotFound,
  );
}

/** 检查项目清单: imported whole from .xlsx or .csv, or not at all. */
export class ChecklistService extends InspectionsUseCases {
  async importChecklist(rawInput: unknown): Promise<{ round: InspectionRoundEntity; importedRows: number }> {
    this.assertCanRun();
    const input = parseInput(importSchema, rawInput, InspectionsErrorCode.InvalidInput);
    // The file is read and judged before the transaction: nothing is written unless every row is good.
    const rows = await checklistRowsOfFile(input.fileName, input.contentBase64);
    return this.inTransaction(async (tx) => {
      const round = await this.openRound(tx, input.roundId);
      assertVersion(round, input.expectedVersion);
      return {
        round: await replaceChecklist(tx, round, rows, input.fileName, this.clock()),
        importedRows: rows.length,
      };
    });
  }
}
