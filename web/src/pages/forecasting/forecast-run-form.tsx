import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/api-client';
import { ErrorPanel } from '../../components/error-panel';
import { FormActions } from '../../components/form-actions';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';

const METHODS = [
  { value: 'auto', label: 'Auto (best of ETS, seasonal naive, Croston per item)' },
  { value: 'seasonal_naive', label: 'Seasonal naive' },
  { value: 'ets', label: 'Exponential smoothing (ETS)' },
  { value: 'arima', label: 'ARIMA' },
];

/** "Run a forecast": horizon and method for every item (or the listed ones); opens the runs list. */
export function ForecastRunForm({ itemIds }: { itemIds?: string[] }) {
  const navigate = useNavigate();
  const [horizon, setHorizon] = useState('28');
  const [method, setMethod] = useState('auto');
  const state = useSubmit(async () => {
    await api('/forecast', {
      method: 'POST',
      body: { horizon_days: Number(horizon), method, ...(itemIds ? { item_ids: itemIds } : {}) },
    });
    void navigate('/forecasting/runs');
  });
  return (
    <form className="card form-card" onSubmit={submitForm(state)} aria-label="Run a forecast">
      <h2 className="card-title">Run a forecast</h2>
      <TextField
        label="Horizon (days)"
        type="number"
        min={1}
        max={365}
        required
        value={horizon}
        onChange={(event) => setHorizon(event.target.value)}
      />
      <SelectField
        label="Method"
        options={METHODS}
        value={method}
        onChange={(event) => setMethod(event.target.value)}
      />
      {state.error !== null && <ErrorPanel error={state.error} />}
      <FormActions label="Run forecast" pendingLabel="Starting…" pending={state.pending} />
    </form>
  );
}
