import pino from 'pino';

export type Logger = pino.Logger;

/** One structured logger per component; child loggers carry the component name. */
export function createLogger(component: string, level: string = 'info'): Logger {
  return pino({ name: component, level, base: { component } });
}
