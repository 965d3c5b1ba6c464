import { type FormEvent, useState } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { type DemandIngest, uploadDemandCsv } from './upload-demand';

/** Uploads a CSV of daily demand (item_id,date,units_sold) with a progress bar. */
export function DemandUploadForm({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<DemandIngest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await uploadDemandCsv(file, setProgress));
      onUploaded();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  };
  return (
    <form className="card form-card" onSubmit={(event) => void submit(event)} aria-label="Upload demand">
      <h2 className="card-title">Upload demand (CSV)</h2>
      <p className="muted">
        Header <code>item_id,date,units_sold</code>, one row per item and day; existing days are replaced.
      </p>
      <div className="field">
        <label htmlFor="demand-file">CSV file</label>
        <input
          id="demand-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      {progress !== null && (
        <p>
          <progress max={1} value={progress} aria-label="Upload progress" />{' '}
          {progress < 1 ? `${Math.round(progress * 100)}% sent` : 'Loading into the database…'}
        </p>
      )}
      {result && (
        <p role="status">
          {result.received.toLocaleString()} rows: {result.inserted.toLocaleString()} new,{' '}
          {result.updated.toLocaleString()} updated.
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={!file || progress !== null}>
          {progress !== null ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
