export { supervisionSubgraph } from './supervision.subgraph';
