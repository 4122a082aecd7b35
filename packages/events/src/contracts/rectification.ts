import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * A measure handed to outside agencies (牵头联系): each named agency gets a coordination task, and
 * the inspections subgraph lets those agencies see the source finding.
 */
export const measureAssignedV1 = defineEvent(
  'rectification.measure.assigned',
  1,
  z.object({
    measureId: z.string().uuid(),
    problemId: z.string().uuid(),
    sourceFindingId: z.string().uuid().nullable(),
    agencyIds: z.array(z.string().uuid()).min(1),
    title: z.string(),
    dueAt: z.string().datetime({ offset: true }).nullable(),
  }),
);
