/** Goals of issue 2 the report checks the numbers against. */
export const GOALS = { maxOverhead: 0.1, listP95Ms: 20, zipfP95Ms: 50 };
