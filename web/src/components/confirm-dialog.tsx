import { type FormEvent, type ReactNode, useState } from 'react';
import { Dialog } from './dialog';
import { ErrorPanel } from './error-panel';
import { TextField } from './text-field';
import { FormActions } from './form-actions';

interface ConfirmDialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  onConfirm: () => Promise<unknown>;
  confirmLabel: string;
  children: ReactNode;
  /** When set, the person must type this exactly before the button works (irreversible acts). */
  typedConfirmation?: string;
  danger?: boolean;
}

/** Asks before an act that cannot be undone; shows the API's refusal if there is one. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onClose}>
      <ConfirmBody {...props} />
    </Dialog>
  );
}

function ConfirmBody({
  onClose,
  onConfirm,
  confirmLabel,
  children,
  typedConfirmation,
  danger,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ready = typedConfirmation === undefined || typed === typedConfirmation;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} className="stack">
      {children}
      {typedConfirmation !== undefined && (
        <TextField
          label={`Type ${typedConfirmation} to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {error !== null && <ErrorPanel error={error} />}
      <FormActions
        label={confirmLabel}
        pendingLabel="Working…"
        pending={pending}
        onCancel={onClose}
        danger={danger}
        disabled={!ready}
      />
    </form>
  );
}
