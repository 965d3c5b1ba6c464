import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, fieldErrors } from '../../api/api-error';
import type { Tenant } from '../../api/types';
import { uploadArchive } from '../../api/upload-archive';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

interface ImportResult {
  tenant: Tenant;
  rows: number;
}

/** Imports an archive into a new tenant (the archive's settings, a new id), with upload progress. */
export function ImportPanel({ tenantId }: { tenantId: string }) {
  const [target, setTarget] = useState(`${tenantId}-copy`.slice(0, 40));
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useSubmit(async () => {
    setResult(null);
    if (!file) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'No archive', [
        { path: 'archive', message: 'is required' },
      ]);
    }
    setProgress(0);
    try {
      setResult(
        await uploadArchive<ImportResult>(
          `/tenants/${encodeURIComponent(target.trim())}/import`,
          file,
          setProgress,
        ),
      );
    } finally {
      setProgress(null);
    }
  });
  return (
    <form onSubmit={submitForm(upload)} className="stack" noValidate aria-label="Import an archive">
      <p>Loads an exported archive into a new tenant; nothing is created if any row of it is refused.</p>
      <FormErrors error={upload.error} fields={['id', 'archive']} />
      <div className="form-grid">
        <TextField
          label="New tenant ID"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          errors={fieldErrors(upload.error, 'id')}
        />
        <TextField
          label="Archive (.jsonl.gz)"
          type="file"
          accept=".gz,application/gzip"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          errors={fieldErrors(upload.error, 'archive')}
        />
      </div>
      {progress !== null && (
        <progress className="upload-progress" aria-label="Upload progress" max={1} value={progress}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      <div className="form-actions form-actions-start">
        <button type="submit" className="button button-secondary" disabled={upload.pending}>
          {upload.pending ? 'Importing…' : 'Import archive'}
        </button>
      </div>
      {result && (
        <p className="text-success" role="status">
          Imported {result.rows} rows into{' '}
          <Link to={`/console/tenants/${encodeURIComponent(result.tenant.id)}`}>{result.tenant.id}</Link>.
        </p>
      )}
    </form>
  );
}
