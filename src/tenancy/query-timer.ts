import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** Times every query of a tenant scope, from compilation to result, without touching the driver. */
export function queryTimer(observe: (seconds: number) => void): KyselyPlugin {
  const started = new WeakMap<QueryId, number>();
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      started.set(args.queryId, performance.now());
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const start = started.get(args.queryId);
      if (start !== undefined) observe((performance.now() - start) / 1000);
      return args.result;
    },
  };
}
