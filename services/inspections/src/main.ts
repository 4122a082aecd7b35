// Boot only: config → database → NATS → server.
import { ConfigError } from '@eco/config';
import { runSubgraphMain } from '@eco/subgraph';
import { loadConfig } from './config';
import { inspectionsSubgraph } from './inspections.subgraph';

// loadConfig inside the chain, so a bad configuration ends in its coded message, not a stack trace.
Promise.resolve()
  .then(() => runSubgraphMain(inspectionsSubgraph, loadConfig()))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
