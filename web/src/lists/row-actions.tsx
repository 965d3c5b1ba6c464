interface RowActionsProps {
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  deleteLabel?: string;
}

/** Edit and delete for one row, each naming the row for screen-reader users. */
export function RowActions({ name, onEdit, onDelete, deleteLabel = 'Delete' }: RowActionsProps) {
  return (
    <div className="row-actions">
      {onEdit && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Edit ${name}`}
          onClick={onEdit}
        >
          Edit
        </button>
      )}
      {onDelete && (
        <button
          type="button"
          className="button button-danger-quiet button-small"
          aria-label={`${deleteLabel} ${name}`}
          onClick={onDelete}
        >
          {deleteLabel}
        </button>
      )}
    </div>
  );
}
