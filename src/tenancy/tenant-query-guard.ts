import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** A query on a tenant table that forgot its tenant_id predicate; only raised with the guard on. */
export class MissingTenantPredicateError extends Error {
  constructor(kind: string, table: string) {
    super(`${kind} on tenant table "${table}" has no tenant_id predicate`);
    this.name = 'MissingTenantPredicateError';
  }
}

type AnyNode = { kind?: string; [key: string]: unknown };

function tableNames(node: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const n = value as AnyNode;
    if (n.kind === 'TableNode') {
      const identifier = (n.table as { identifier?: { name?: string } }).identifier;
      if (identifier?.name) found.push(identifier.name);
      return;
    }
    if (n.kind === 'SelectQueryNode' || n.kind === 'WhereNode') return; // subqueries are checked on their own
    Object.values(n).forEach(visit);
  };
  visit(node);
  return found;
}

function mentionsTenantId(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(mentionsTenantId);
  const n = node as AnyNode;
  if (n.kind === 'ColumnNode') return (n.column as { name?: string }).name === 'tenant_id';
  return Object.values(n).some(mentionsTenantId);
}

function check(node: RootOperationNode | OperationNode, tenantTables: ReadonlySet<string>): void {
  const n = node as unknown as AnyNode;
  const offending = (tables: string[]) => tables.find((t) => tenantTables.has(t));
  switch (n.kind) {
    case 'SelectQueryNode': {
      const table = offending(tableNames(n.from)) ?? offending(tableNames(n.joins));
      if (table && !mentionsTenantId(n.where)) throw new MissingTenantPredicateError('select', table);
      break;
    }
    case 'UpdateQueryNode': {
      const table = offending(tableNames(n.table));
      if (table && !mentionsTenantId(n.where)) throw new MissingTenantPredicateError('update', table);
      break;
    }
    case 'DeleteQueryNode': {
      const table = offending(tableNames(n.from));
      if (table && !mentionsTenantId(n.where)) throw new MissingTenantPredicateError('delete', table);
      break;
    }
    case 'InsertQueryNode': {
      const table = offending(tableNames(n.into));
      if (table && !mentionsTenantId(n.columns)) throw new MissingTenantPredicateError('insert', table);
      break;
    }
  }
  for (const value of Object.values(n)) visitSubqueries(value, tenantTables);
}

function visitSubqueries(value: unknown, tenantTables: ReadonlySet<string>): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => visitSubqueries(v, tenantTables));
  const n = value as AnyNode;
  if (n.kind === 'SelectQueryNode') return check(n as unknown as OperationNode, tenantTables);
  Object.values(n).forEach((v) => visitSubqueries(v, tenantTables));
}

/**
 * Rejects any query on a tenant table that does not filter (or, for inserts, set) tenant_id.
 * The database would refuse the rows anyway; this catches the forgetful query in tests, where
 * the second fence would otherwise hide the first one's hole.
 */
export function tenantQueryGuard(tenantTables: Iterable<string>): KyselyPlugin {
  const tables = new Set(tenantTables);
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      check(args.node, tables);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
}
