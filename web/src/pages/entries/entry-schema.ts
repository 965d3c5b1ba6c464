/** A JSON Schema node as the console reads it: only the keywords the form and list use. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  'x-entry-ref'?: string;
  'x-label'?: string;
  'x-list-columns'?: string[];
  [key: string]: unknown;
}

/** How one field is edited. */
export type FieldKind =
  'text' | 'email' | 'date' | 'number' | 'integer' | 'boolean' | 'choice' | 'list' | 'ref' | 'json';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  node: SchemaNode;
}

const primary = (node: SchemaNode): string | undefined =>
  Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;

/** `birth_date` → `Birth date`, unless the schema gives an `x-label`. */
export function labelOf(name: string, node: SchemaNode): string {
  if (typeof node['x-label'] === 'string') return node['x-label'];
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function kindOf(node: SchemaNode): FieldKind {
  if (typeof node['x-entry-ref'] === 'string') return 'ref';
  if (Array.isArray(node.enum)) return 'choice';
  const type = primary(node);
  if (type === 'string') return node.format === 'email' ? 'email' : node.format === 'date' ? 'date' : 'text';
  if (type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (
    type === 'array' &&
    node.items &&
    ['string', undefined].includes(primary(node.items)) &&
    !node.items.properties
  )
    return 'list';
  return 'json';
}

/** The top-level fields of a type's schema, in declaration order. */
export function fieldsOf(schema: SchemaNode): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, node]) => ({
    name,
    label: labelOf(name, node),
    kind: kindOf(node),
    required: required.has(name),
    node,
  }));
}

/** The list's columns: the schema's `x-list-columns`, else its first five scalar fields. */
export function columnsOf(schema: SchemaNode): FieldSpec[] {
  const fields = fieldsOf(schema);
  const named = schema['x-list-columns'];
  if (Array.isArray(named)) return named.flatMap((name) => fields.filter((f) => f.name === name));
  return fields.filter((f) => f.kind !== 'json').slice(0, 5);
}

/** Fields a list can filter on with a select: choices and booleans. */
export function filterableOf(schema: SchemaNode): FieldSpec[] {
  return fieldsOf(schema).filter((f) => f.kind === 'choice' || f.kind === 'boolean');
}

/** A field value as a list cell. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object') ? value.join(', ') : `${value.length} items`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
