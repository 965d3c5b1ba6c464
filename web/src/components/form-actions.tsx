interface FormActionsProps {
  /** The submit button's label. */
  label: string;
  /** Its label while the request runs; the idle label when left out. */
  pendingLabel?: string;
  /** A request is running: the button is disabled so a second click cannot submit twice. */
  pending: boolean;
  /** Shows a Cancel button that leaves the form without submitting. */
  onCancel?: () => void;
  /** The submit button destroys something and is coloured so. */
  danger?: boolean;
  /** Disabled for another reason than a running request (e.g. a confirmation not yet typed). */
  disabled?: boolean;
}

/** The row under every console form: an optional Cancel and the one submit button. */
export function FormActions({
  label,
  pendingLabel = label,
  pending,
  onCancel,
  danger = false,
  disabled = false,
}: FormActionsProps) {
  return (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
      <button
        type="submit"
        className={danger ? 'button button-danger' : 'button'}
        disabled={disabled || pending}
      >
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
