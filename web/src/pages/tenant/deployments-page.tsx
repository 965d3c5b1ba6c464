import { DEPLOYMENT_STATUSES, type Deployment } from '../../api/types';
import type { Column } from '../../lists/data-table';
import { DeploymentForm } from './deployment-form';
import { ResourceListPage } from './resource-list-page';

const COLUMNS: Column<Deployment>[] = [
  {
    key: 'url',
    label: 'URL',
    className: 'cell-truncate',
    render: (d) =>
      d.url ? (
        <a href={d.url} target="_blank" rel="noreferrer noopener">
          {d.url}
        </a>
      ) : (
        '—'
      ),
  },
];

/** Seed 003's deployments: server-side pages or infinite scroll, filters in the URL, create/edit/delete. */
export function DeploymentsPage() {
  return (
    <ResourceListPage<Deployment>
      path="/deployments"
      singular="deployment"
      plural="deployments"
      nameLabel="Project"
      nameOf={(d) => d.project_name}
      searchLabel="Search projects"
      statuses={DEPLOYMENT_STATUSES}
      columns={COLUMNS}
      form={(deployment, handlers) => <DeploymentForm deployment={deployment} {...handlers} />}
    />
  );
}
