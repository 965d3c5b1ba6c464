import { WORKFLOW_STATUSES, type Workflow } from '../../api/types';
import type { Column } from '../../lists/data-table';
import { ResourceListPage } from './resource-list-page';
import { WorkflowForm } from './workflow-form';

const COLUMNS: Column<Workflow>[] = [
  {
    key: 'config',
    label: 'Configuration',
    className: 'cell-truncate',
    render: (w) => <code>{JSON.stringify(w.config)}</code>,
  },
];

/** Seed 003's workflows: server-side pages or infinite scroll, filters in the URL, create/edit/delete. */
export function WorkflowsPage() {
  return (
    <ResourceListPage<Workflow>
      path="/workflows"
      singular="workflow"
      plural="workflows"
      nameLabel="Name"
      nameOf={(w) => w.name}
      searchLabel="Search workflows"
      statuses={WORKFLOW_STATUSES}
      columns={COLUMNS}
      form={(workflow, handlers) => <WorkflowForm workflow={workflow} {...handlers} />}
    />
  );
}
