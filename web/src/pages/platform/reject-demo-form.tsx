import { useState } from 'react';
import { api } from '../../api/api-client';
import type { DemoRequest } from '../../api/types';
import { FormErrors } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

/** Rejects a demo request, with a reason kept on the request. */
export function RejectDemoForm({
  request,
  onDone,
  onCancel,
}: {
  request: DemoRequest;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const reject = useSubmit(async () => {
    await api(`/demo-requests/${request.id}/reject`, {
      method: 'POST',
      body: reason.trim() ? { reason: reason.trim() } : {},
      tenant: null,
    });
    onDone();
  });
  return (
    <form onSubmit={submitForm(reject)} className="stack" noValidate>
      <p>
        Reject the request of <strong>{request.company_name}</strong> ({request.email})?
      </p>
      <FormErrors error={reject.error} fields={['reason']} />
      <TextAreaField
        label="Reason (optional)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={3}
      />
      <FormActions label="Reject" pending={reject.pending} onCancel={onCancel} danger />
    </form>
  );
}
