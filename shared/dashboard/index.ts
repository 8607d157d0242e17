/** The coordinator's dashboard: chart series over a scoped caseload, and the words that describe them. */
export * from './series';
export * from './summary';
export * from './people';
export * from './destinations';
