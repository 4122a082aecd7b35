import { z } from 'zod';
import { envFields, parseConfig } from '@eco/config';

const schema = z.object({ DATABASE_URL: envFields.postgresUrl() });

/** The verifier reads the database it checks from DATABASE_URL. */
export const readVerifierConfig = () => parseConfig(schema, process.env);
