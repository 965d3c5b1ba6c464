/** A preset entry type a business domain brings (SPEC §8: seeded at provisioning, never removed). */
export interface PresetType {
  key: string;
  name: string;
  feature: string;
  schema: Record<string, unknown>;
}

const FDI_TEETH = [11, 21, 31, 41].flatMap((first) => Array.from({ length: 8 }, (_, i) => first + i));
const money = { type: 'number', minimum: 0, multipleOf: 0.01 };
const text = (maxLength: number, label?: string) => ({
  type: 'string',
  maxLength,
  ...(label ? { 'x-label': label } : {}),
});

const patients: PresetType = {
  key: 'patients',
  name: 'Patients',
  feature: 'patient_management',
  schema: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    'x-list-columns': ['name', 'phone', 'email', 'birth_date'],
    properties: {
      name: { ...text(200, 'Full name'), minLength: 1 },
      email: { type: 'string', format: 'email', maxLength: 254 },
      phone: { ...text(40), pattern: '^[+0-9 ()-]{3,40}$' },
      birth_date: { type: 'string', format: 'date', 'x-label': 'Birth date' },
      address: text(500),
      allergies: { type: 'array', items: text(200), maxItems: 50 },
      medical_notes: text(4000, 'Medical notes'),
      insurance_number: text(60, 'Insurance number'),
      status: { enum: ['active', 'inactive'], default: 'active' },
    },
  },
};

const treatments: PresetType = {
  key: 'treatments',
  name: 'Treatments',
  feature: 'treatment_tracking',
  schema: {
    type: 'object',
    required: ['patient', 'procedure_code', 'date'],
    additionalProperties: false,
    'x-list-columns': ['date', 'patient', 'tooth', 'procedure_code', 'status', 'cost'],
    properties: {
      patient: { type: 'string', format: 'uuid', 'x-entry-ref': 'patients' },
      tooth: { type: 'integer', enum: FDI_TEETH, 'x-label': 'Tooth (FDI)' },
      procedure_code: { ...text(20, 'Procedure code'), minLength: 1 },
      description: text(1000),
      date: { type: 'string', format: 'date' },
      cost: money,
      status: { enum: ['planned', 'done', 'cancelled'], default: 'planned' },
    },
  },
};

const dentalSupplies: PresetType = {
  key: 'dental_supplies',
  name: 'Dental supplies',
  feature: 'dental_supplies',
  schema: {
    type: 'object',
    required: ['sku', 'name', 'quantity'],
    additionalProperties: false,
    'x-list-columns': ['sku', 'name', 'quantity', 'reorder_level', 'expiry'],
    properties: {
      sku: { ...text(64, 'SKU'), minLength: 1 },
      name: { ...text(200), minLength: 1 },
      quantity: { type: 'integer', minimum: 0 },
      unit: text(20),
      reorder_level: { type: 'integer', minimum: 0, 'x-label': 'Reorder level' },
      expiry: { type: 'string', format: 'date' },
      supplier: text(200),
    },
  },
};

const materials: PresetType = {
  key: 'materials',
  name: 'Materials',
  feature: 'material_management',
  schema: {
    type: 'object',
    required: ['sku', 'name', 'unit'],
    additionalProperties: false,
    'x-list-columns': ['sku', 'name', 'stock', 'unit', 'supplier'],
    properties: {
      sku: { ...text(64, 'SKU'), minLength: 1 },
      name: { ...text(200), minLength: 1 },
      unit: { enum: ['pcs', 'kg', 'g', 'm', 'mm', 'l', 'ml', 'm2'] },
      stock: { type: 'number', minimum: 0 },
      reorder_level: { type: 'number', minimum: 0, 'x-label': 'Reorder level' },
      supplier: text(200),
      unit_cost: money,
    },
  },
};

const boms: PresetType = {
  key: 'boms',
  name: 'Bills of materials',
  feature: 'bom_management',
  schema: {
    type: 'object',
    required: ['name', 'components'],
    additionalProperties: false,
    'x-list-columns': ['name', 'version', 'components'],
    properties: {
      name: { ...text(200), minLength: 1 },
      version: text(20),
      components: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: {
          type: 'object',
          required: ['material', 'quantity'],
          additionalProperties: false,
          properties: {
            material: { type: 'string', format: 'uuid', 'x-entry-ref': 'materials' },
            quantity: { type: 'number', exclusiveMinimum: 0 },
          },
        },
      },
    },
  },
};

const productionOrders: PresetType = {
  key: 'production_orders',
  name: 'Production orders',
  feature: 'production_tracking',
  schema: {
    type: 'object',
    required: ['bom', 'quantity', 'status'],
    additionalProperties: false,
    'x-list-columns': ['bom', 'quantity', 'status', 'due_date'],
    properties: {
      bom: { type: 'string', format: 'uuid', 'x-entry-ref': 'boms', 'x-label': 'BOM' },
      quantity: { type: 'integer', minimum: 1 },
      status: { enum: ['planned', 'in_progress', 'done', 'cancelled'] },
      due_date: { type: 'string', format: 'date', 'x-label': 'Due date' },
      notes: text(2000),
    },
  },
};

/** Each business domain's preset types, in an order where referenced types come first. */
export const DOMAIN_PRESETS: Readonly<Record<string, readonly PresetType[]>> = {
  dental: [patients, treatments, dentalSupplies],
  manufacturing: [materials, boms, productionOrders],
};

/** What each domain feature key switches on, for the console's features page. */
export const FEATURE_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(DOMAIN_PRESETS)
    .flat()
    .map((preset) => [preset.feature, `The "${preset.name}" entry type (/entries/${preset.key})`]),
);
