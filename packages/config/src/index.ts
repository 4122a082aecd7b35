export { ConfigError, parseConfig } from './parse-config';
export type { Env } from './parse-config';
export { envFields } from './fields';
